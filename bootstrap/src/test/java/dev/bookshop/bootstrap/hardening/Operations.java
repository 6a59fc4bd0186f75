package dev.bookshop.bootstrap.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.api.Judge;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The operations the OpenAPI document describes, read from the document itself so a new route is fuzzed at once. */
final class Operations {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private Operations() {}

    /** One documented operation: its query parameters and the properties of its JSON body, by name. */
    record Operation(
            String method,
            String template,
            Map<String, JsonNode> queryParameters,
            Set<String> headerParameters,
            Optional<Map<String, JsonNode>> bodyProperties,
            Set<String> statuses) {

        boolean hasPathParameters() {
            return template.contains("{");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    static List<Operation> all() {
        JsonNode document = Judge.document();
        List<Operation> operations = new ArrayList<>();
        for (var path : document.get("paths").properties()) {
            for (var entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode operation = entry.getValue();
                Map<String, JsonNode> query = new LinkedHashMap<>();
                Set<String> headers = new HashSet<>();
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                operation.path("parameters").forEach(parameters::add);
                for (JsonNode parameter : parameters) {
                    JsonNode resolved = resolve(document, parameter);
                    switch (resolved.path("in").asText()) {
                        case "query" ->
                            query.put(resolved.get("name").asText(), resolve(document, resolved.path("schema")));
                        case "header" -> headers.add(resolved.get("name").asText());
                        default -> {
                            // Path parameters are read from the template itself.
                        }
                    }
                }
                Optional<Map<String, JsonNode>> body = Optional.empty();
                JsonNode schema = operation.at("/requestBody/content/application~1json/schema");
                if (!schema.isMissingNode()) {
                    Map<String, JsonNode> properties = new LinkedHashMap<>();
                    collectProperties(document, resolve(document, schema), properties);
                    body = Optional.of(properties);
                }
                Set<String> statuses = new HashSet<>();
                operation.path("responses").fieldNames().forEachRemaining(statuses::add);
                operations.add(new Operation(
                        entry.getKey().toUpperCase(Locale.ROOT),
                        path.getKey(),
                        Map.copyOf(query),
                        Set.copyOf(headers),
                        body.map(Map::copyOf),
                        Set.copyOf(statuses)));
            }
        }
        return List.copyOf(operations);
    }

    private static void collectProperties(JsonNode document, JsonNode schema, Map<String, JsonNode> into) {
        schema.path("properties").properties().forEach(e -> into.put(e.getKey(), resolve(document, e.getValue())));
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            schema.path(combinator).forEach(part -> collectProperties(document, resolve(document, part), into));
        }
    }

    static JsonNode resolve(JsonNode document, JsonNode node) {
        Set<String> seen = new HashSet<>();
        while (node.has("$ref") && seen.add(node.get("$ref").asText())) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }
}
