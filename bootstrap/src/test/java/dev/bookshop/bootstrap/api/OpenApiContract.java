package dev.bookshop.bootstrap.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.format.PatternFormat;
import com.networknt.schema.oas.OpenApi31;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.regex.Pattern;

/**
 * The OpenAPI document of the web adapter ({@code openapi.yaml} on the classpath), used as a judge of real answers:
 * the request's method and path must match a documented operation, the status must be one the operation lists, the
 * content type one the response lists, and the body must validate against the response schema (JSON Schema 2020-12
 * with the OpenAPI 3.1 dialect, formats asserted) and carry no property the schema does not declare.
 */
final class OpenApiContract {

    static final String DOCUMENT = "openapi.yaml";
    private static final String LOCATION = "classpath:" + DOCUMENT;
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final OpenApiContract INSTANCE = new OpenApiContract(load());

    /** Every "METHOD template status" any test has seen answered, for the coverage summary. */
    private static final Set<String> SEEN = new ConcurrentSkipListSet<>();

    private final JsonNode document;
    private final List<PathTemplate> paths;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    OpenApiContract(JsonNode document) {
        this.document = document;
        List<PathTemplate> templates = new ArrayList<>();
        document.get("paths").properties().forEach(e -> templates.add(PathTemplate.of(e.getKey())));
        // Literal segments win over parameters: /products/search before /products/{idOrSlug}.
        templates.sort(Comparator.comparingInt(PathTemplate::parameters).thenComparing(PathTemplate::template));
        this.paths = List.copyOf(templates);
        // The library's email format also demands a top-level domain from the IANA list, which reserved test
        // domains such as bookshop.test are not on; the API promises an address's shape, not a registry entry.
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi31.getInstance())
                .format(PatternFormat.of("email", "^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$", null))
                .build();
        this.factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012,
                builder -> builder.metaSchema(dialect).defaultMetaSchemaIri(dialect.getIri()));
        this.config =
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    }

    static OpenApiContract instance() {
        return INSTANCE;
    }

    JsonNode document() {
        return document;
    }

    /** The documented operations as "METHOD /template". */
    Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /**
     * The documented operations that need credentials, as "METHOD /template": those with a security requirement none
     * of whose alternatives is empty (an empty one, {@code {}}, would let a caller without credentials in).
     */
    Set<String> guardedOperations() {
        Set<String> guarded = new TreeSet<>();
        for (var path : document.get("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                JsonNode security = operation.getValue().path("security");
                boolean needsCredentials = security.isArray()
                        && !security.isEmpty()
                        && java.util.stream.StreamSupport.stream(security.spliterator(), false)
                                .noneMatch(JsonNode::isEmpty);
                if (METHODS.contains(operation.getKey()) && needsCredentials) {
                    guarded.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return guarded;
    }

    /** Notes that a real answer of this status came back for this request, for the coverage summary. */
    void record(String method, String path, int status) {
        SEEN.add(method + " " + templateOf(method, path).orElse("(undocumented)") + " " + status);
    }

    static Set<String> seen() {
        return Set.copyOf(SEEN);
    }

    /** The documented path template a concrete path matches, if any. */
    Optional<String> templateOf(String method, String rawPath) {
        String path = normalise(rawPath);
        return paths.stream()
                .filter(t -> t.matches(path))
                .filter(t -> document.get("paths").get(t.template()).has(method.toLowerCase(Locale.ROOT)))
                .map(PathTemplate::template)
                .findFirst();
    }

    /**
     * Everything about one answer that the document does not allow; empty when it conforms. Requests the document
     * has no operation for may only be answered 404 (no such path) or 405 (no such method), as a problem.
     */
    List<String> violations(String method, String rawPath, int status, HttpHeaders headers, String body) {
        String path = normalise(rawPath);
        String verb = method.toLowerCase(Locale.ROOT);
        List<PathTemplate> matching =
                paths.stream().filter(t -> t.matches(path)).toList();
        Optional<PathTemplate> operationPath = matching.stream()
                .filter(t -> document.get("paths").get(t.template()).has(verb))
                .findFirst();
        if (operationPath.isEmpty()) {
            int expected = matching.isEmpty() ? 404 : 405;
            List<String> problems = new ArrayList<>();
            if (status != expected) {
                problems.add(method + " " + path + " is not a documented operation, so it must answer " + expected
                        + ", not " + status);
            }
            problems.addAll(validateBody(
                    "/components/schemas/Problem",
                    document.at("/components/schemas/Problem"),
                    contentType(headers),
                    "application/problem+json",
                    body));
            return problems;
        }
        String template = operationPath.get().template();
        String operationPointer = "/paths/" + escape(template) + "/" + verb;
        JsonNode responses = document.at(operationPointer + "/responses");
        String responsePointer = operationPointer + "/responses/" + status;
        JsonNode response = responses.get(Integer.toString(status));
        if (response == null) {
            String range = status / 100 + "XX";
            response = responses.get(range);
            responsePointer = operationPointer + "/responses/" + range;
        }
        if (response == null) {
            response = responses.get("default");
            responsePointer = operationPointer + "/responses/default";
        }
        if (response == null) {
            return List.of(method + " " + template + " documents no " + status + " answer (got " + status + " "
                    + abbreviate(body) + ")");
        }
        while (response.has("$ref")) {
            responsePointer = response.get("$ref").asText().substring(1);
            response = document.at(responsePointer);
        }
        List<String> problems = new ArrayList<>();
        problems.addAll(checkHeaders(method + " " + template + " " + status, response, headers));
        JsonNode content = response.get("content");
        if (content == null || content.isEmpty()) {
            if (body != null && !body.isEmpty()) {
                problems.add(method + " " + template + " " + status + " documents no body, got " + abbreviate(body));
            }
            return problems;
        }
        String mediaType = contentType(headers);
        if (mediaType == null || !content.has(mediaType)) {
            problems.add(method + " " + template + " " + status + " answered content type " + mediaType
                    + ", the document lists " + iterable(content.fieldNames()));
            return problems;
        }
        String schemaPointer = responsePointer + "/content/" + escape(mediaType) + "/schema";
        problems.addAll(validateBody(schemaPointer, document.at(schemaPointer), mediaType, mediaType, body).stream()
                .map(p -> method + " " + template + " " + status + ": " + p)
                .toList());
        return problems;
    }

    private List<String> validateBody(
            String schemaPointer, JsonNode schemaNode, String mediaType, String expectedMediaType, String body) {
        List<String> problems = new ArrayList<>();
        if (mediaType == null || !mediaType.equals(expectedMediaType)) {
            problems.add("content type " + mediaType + " where " + expectedMediaType + " is documented");
            return problems;
        }
        if (!mediaType.endsWith("json")) {
            return problems;
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(body);
        } catch (IOException e) {
            problems.add("the body is not JSON: " + abbreviate(body));
            return problems;
        }
        if (instance == null || instance.isMissingNode()) {
            problems.add("the body is empty where JSON is documented");
            return problems;
        }
        for (ValidationMessage message : schema(schemaPointer).validate(instance)) {
            problems.add(message.getMessage());
        }
        undeclaredProperties(schemaNode, instance, "$", problems);
        return problems;
    }

    private JsonSchema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> factory.getSchema(SchemaLocation.of(LOCATION + "#" + p), config));
    }

    /**
     * JSON Schema allows any property an object schema does not name; an API answer should not carry one the
     * document does not describe (it is either undocumented or a leak).
     */
    private void undeclaredProperties(JsonNode schema, JsonNode instance, String at, List<String> problems) {
        schema = resolve(schema);
        if (instance.isArray()) {
            JsonNode items = schema.get("items");
            if (items != null) {
                for (int i = 0; i < instance.size(); i++) {
                    undeclaredProperties(items, instance.get(i), at + "[" + i + "]", problems);
                }
            }
            return;
        }
        if (!instance.isObject()) {
            return;
        }
        Map<String, JsonNode> declared = new java.util.LinkedHashMap<>();
        collectProperties(schema, declared);
        if (declared.isEmpty()) {
            // A free-form object ({type: object}), such as the OpenAPI document itself.
            return;
        }
        for (var field : instance.properties()) {
            JsonNode property = declared.get(field.getKey());
            if (property == null) {
                problems.add(at + "." + field.getKey() + " is not declared by the document");
            } else {
                undeclaredProperties(property, field.getValue(), at + "." + field.getKey(), problems);
            }
        }
    }

    private void collectProperties(JsonNode schema, Map<String, JsonNode> into) {
        schema = resolve(schema);
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            properties.properties().forEach(e -> into.put(e.getKey(), e.getValue()));
        }
        JsonNode allOf = schema.get("allOf");
        if (allOf != null) {
            allOf.forEach(part -> collectProperties(part, into));
        }
    }

    private JsonNode resolve(JsonNode schema) {
        Set<String> visited = new HashSet<>();
        while (schema.has("$ref") && visited.add(schema.get("$ref").asText())) {
            schema = document.at(schema.get("$ref").asText().substring(1));
        }
        return schema;
    }

    private List<String> checkHeaders(String what, JsonNode response, HttpHeaders headers) {
        List<String> problems = new ArrayList<>();
        JsonNode documented = response.get("headers");
        if (documented == null) {
            return problems;
        }
        for (var header : documented.properties()) {
            JsonNode spec = resolve(header.getValue());
            Optional<String> value = headers.firstValue(header.getKey());
            if (value.isEmpty()) {
                if (spec.path("required").asBoolean(false)) {
                    problems.add(what + " lacks the required header " + header.getKey());
                }
                continue;
            }
            JsonNode schema = resolve(spec.path("schema"));
            if ("integer".equals(schema.path("type").asText())) {
                try {
                    long number = Long.parseLong(value.get());
                    if (schema.has("minimum") && number < schema.get("minimum").asLong()) {
                        problems.add(what + " header " + header.getKey() + " is below its minimum: " + number);
                    }
                } catch (NumberFormatException e) {
                    problems.add(what + " header " + header.getKey() + " is not an integer: " + value.get());
                }
            }
        }
        return problems;
    }

    private static String contentType(HttpHeaders headers) {
        return headers.firstValue("Content-Type")
                .map(v -> v.split(";", 2)[0].strip().toLowerCase(Locale.ROOT))
                .orElse(null);
    }

    private static String normalise(String rawPath) {
        String path = rawPath.split("\\?", 2)[0];
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** RFC 6901: "~" is "~0" and "/" is "~1" in a JSON pointer token. */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static String iterable(Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all.toString();
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "(no body)";
        }
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static JsonNode load() {
        try (InputStream in = resource()) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + DOCUMENT, e);
        }
    }

    private static InputStream resource() {
        InputStream in = OpenApiContract.class.getClassLoader().getResourceAsStream(DOCUMENT);
        if (in == null) {
            throw new IllegalStateException(DOCUMENT + " is not on the test classpath");
        }
        return in;
    }

    /** A documented path such as {@code /api/v1/orders/{id}}, as a pattern over one segment per parameter. */
    private record PathTemplate(String template, Pattern pattern, int parameters) {

        static PathTemplate of(String template) {
            StringBuilder regex = new StringBuilder("^");
            int parameters = 0;
            for (String segment : template.substring(1).split("/", -1)) {
                regex.append('/');
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    regex.append("[^/]+");
                    parameters++;
                } else {
                    regex.append(Pattern.quote(segment));
                }
            }
            return new PathTemplate(template, Pattern.compile(regex.append('$').toString()), parameters);
        }

        boolean matches(String path) {
            return pattern.matcher(path).matches();
        }
    }
}
