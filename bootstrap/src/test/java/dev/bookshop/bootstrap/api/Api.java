package dev.bookshop.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.TestServer.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The end-to-end tests' client for the whole application over real HTTP. Every answer it receives is held to the
 * OpenAPI document ({@link OpenApiContract}) and to the rules every answer obeys — never a 5xx, a request id, no
 * stack trace, SQL or Java class name, problem documents that name their status and path — so a test fails on a
 * response the API may not give even when it asserts nothing about it.
 */
final class Api implements AutoCloseable {

    static final String V1 = "/api/v1";
    static final String PASSWORD = "a customer password";
    static final ObjectMapper JSON = new ObjectMapper();

    /** What no answer may contain: stack frames, qualified class names, exception names, SQL and driver words. */
    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\bat [a-zA-Z_$][\\w$]*(\\.[\\w$<>]+)+\\("),
            Pattern.compile("\\.java:\\d+"),
            Pattern.compile("\\b(java|javax|jakarta|sun|com\\.fasterxml|com\\.zaxxer|com\\.nimbusds|org\\.jooq"
                    + "|org\\.postgresql|org\\.flywaydb|org\\.eclipse|io\\.javalin|dev\\.bookshop)\\.[a-zA-Z]"),
            Pattern.compile("\\b[A-Z][A-Za-z]*(Exception|Error|Throwable)\\b"),
            Pattern.compile("(?i)\\b(select\\s+[\\w*\",. ]+\\s+from|insert\\s+into|update\\s+\"?\\w+\"?\\s+set"
                    + "|delete\\s+from|sqlstate|psql|syntax error at|violates \\w+ (key )?constraint"
                    + "|duplicate key value|jooq|hikari|postgres)"));

    private static final Pattern RANDOM_TOKENS =
            Pattern.compile("\"(accessToken|refreshToken|clientSecret)\"\\s*:\\s*\"[^\"]*\"");

    /** The refusals of a request line the server could not read: their problem names no path, having none. */
    private static final Set<String> UNREAD_PATH_CODES = Set.of("BAD_REQUEST", "URI_TOO_LONG");

    private final TestServer server;
    private final OpenApiContract contract = OpenApiContract.instance();
    private Session admin;

    private Api(TestServer server) {
        this.server = server;
    }

    /** The whole application on a fresh database, with the rate limits TestServer raises for tests. */
    static Api start() {
        return new Api(TestServer.start());
    }

    static Api start(Map<String, String> overrides) {
        return new Api(TestServer.start(overrides));
    }

    TestServer server() {
        return server;
    }

    OpenApiContract contract() {
        return contract;
    }

    /** Stops the server and writes what the run has exercised so far to {@code target/openapi-coverage.txt}. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            writeCoverage();
        }
    }

    private static synchronized void writeCoverage() {
        java.nio.file.Path file = java.nio.file.Path.of("target", "openapi-coverage.txt");
        try {
            // The test JVM is shared by every class, so the set so far is this run's whole coverage.
            java.util.Set<String> all = new java.util.TreeSet<>(OpenApiContract.seen());
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.write(file, all);
        } catch (IOException e) {
            // Coverage is a report for people; a test run does not fail over it.
        }
    }

    // ---- HTTP, every answer checked ------------------------------------------------------------------------

    Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** A body that is a String goes as it is (malformed JSON included); anything else is written as JSON. */
    Response post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    Response patch(String path, Object body, String... headers) {
        return send("PATCH", path, body, headers);
    }

    Response send(String method, String path, Object body, String... headers) {
        String text = body == null ? null : body instanceof String raw ? raw : json(body);
        return checked(method, path, server.send(method, path, text, headers));
    }

    /** For requests the helpers above cannot build (a body without a content type, for one). */
    Response exchange(HttpRequest.Builder request) {
        HttpRequest built = request.copy().build();
        String path = built.uri().getRawPath()
                + (built.uri().getRawQuery() == null ? "" : "?" + built.uri().getRawQuery());
        return checked(built.method(), path, server.send(request));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.uri(path));
    }

    private Response checked(String method, String path, Response response) {
        contract.record(method, path, response.status());
        List<String> problems = new ArrayList<>(
                contract.violations(method, path, response.status(), response.headers(), response.body()));
        problems.addAll(answerRules(path, response));
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + path + " answered " + response.status() + " against the rules:\n - "
                    + String.join("\n - ", problems) + "\n" + abbreviate(response.body()));
        }
        return response;
    }

    static List<String> answerRules(String path, Response response) {
        List<String> problems = new ArrayList<>();
        if (response.status() >= 500) {
            problems.add("a server error: " + response.status());
        }
        if (response.header("X-Request-Id") == null) {
            problems.add("no X-Request-Id header");
        }
        if (!"nosniff".equals(response.header("X-Content-Type-Options"))) {
            problems.add("no X-Content-Type-Options: nosniff");
        }
        // Tokens are random text: one may well spell "jooq" or "postgres", and that is no leak.
        String body = response.body() == null
                ? ""
                : RANDOM_TOKENS.matcher(response.body()).replaceAll("\"$1\":\"\"");
        // The document, its page and the operator's metrics name the stack on purpose; API answers never do.
        String route = path.split("\\?", 2)[0];
        if (!route.equals("/openapi.json") && !route.startsWith("/docs") && !route.equals("/metrics")) {
            for (Pattern leak : LEAKS) {
                var found = leak.matcher(body);
                if (found.find()) {
                    problems.add("the body leaks internals (" + found.group() + ")");
                }
            }
        }
        String type = response.header("Content-Type");
        if (type != null && type.startsWith("application/problem+json")) {
            JsonNode problem = response.json();
            if (problem.path("status").asInt() != response.status()) {
                problems.add("the problem's status " + problem.path("status") + " is not the HTTP status");
            }
            String expectedInstance = path.split("\\?", 2)[0];
            if (problem.has("instance")
                    || !UNREAD_PATH_CODES.contains(problem.path("code").asText())) {
                if (!problem.path("instance").asText().equals(expectedInstance)) {
                    problems.add("the problem's instance " + problem.path("instance") + " is not " + expectedInstance);
                }
            }
            if (response.status() == 401 && response.header("WWW-Authenticate") == null) {
                problems.add("a 401 without WWW-Authenticate");
            }
            if (response.status() == 422 && problem.path("errors").isEmpty()) {
                problems.add("a 422 that names no field");
            }
        }
        return problems;
    }

    // ---- people --------------------------------------------------------------------------------------------

    /** Someone signed in: their account and the tokens of one session. */
    record Session(String id, String email, String password, String accessToken, String refreshToken) {

        String bearer() {
            return "Bearer " + accessToken;
        }

        /** The Authorization header pair, for the varargs header lists. */
        String[] auth() {
            return new String[] {"Authorization", bearer()};
        }
    }

    static String freshEmail() {
        return "reader-" + UUID.randomUUID() + "@example.com";
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new customer, signed up and logged in over HTTP. */
    Session newCustomer() {
        return newCustomer(freshEmail());
    }

    Session newCustomer(String email) {
        Response signup = post(V1 + "/auth/signup", Map.of("email", email, "password", PASSWORD));
        assertThat(signup.status()).as("signup %s", signup).isEqualTo(201);
        return logIn(email, PASSWORD);
    }

    /** A new session of an existing account. */
    Session logIn(String email, String password) {
        Response login = post(V1 + "/auth/login", Map.of("email", email, "password", password));
        assertThat(login.status()).as("login %s", login).isEqualTo(200);
        String access = login.json().get("accessToken").asText();
        return new Session(
                subjectOf(access),
                email,
                password,
                access,
                login.json().get("refreshToken").asText());
    }

    /** The shop's administrator, logged in once per server. */
    synchronized Session admin() {
        if (admin == null) {
            admin = logIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
        }
        return admin;
    }

    /** A second administrator: a new customer promoted by the shop's admin, then logged in again. */
    Session newAdmin() {
        Session customer = newCustomer();
        assertThat(patch(V1 + "/admin/users/" + customer.id(), Map.of("role", "ADMIN"), admin().auth())
                        .status())
                .isEqualTo(200);
        return logIn(customer.email(), customer.password());
    }

    void deactivate(Session who) {
        setActive(who, false);
    }

    void setActive(Session who, boolean active) {
        Response changed = patch(V1 + "/admin/users/" + who.id(), Map.of("active", active), admin().auth());
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
    }

    /** The session (token family) an access token was minted for: its {@code sid} claim. */
    static String sessionOf(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]))
                    .get("sid")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String subjectOf(String jwt) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]))
                    .get("sub")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- catalogue, cart, checkout -------------------------------------------------------------------------

    /** A book added by the admin with a unique title; {@code more} adds or replaces fields. Answers its view. */
    JsonNode newBook(long priceCents, int stock, Map<String, Object> more) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("title", unique("Book"));
        fields.put("author", "Test Author");
        fields.put("priceCents", priceCents);
        fields.put("stock", stock);
        fields.putAll(more);
        Response created = post(V1 + "/admin/products", fields, admin().auth());
        assertThat(created.status()).as("create book %s", created).isEqualTo(201);
        return created.json();
    }

    JsonNode newBook(long priceCents, int stock) {
        return newBook(priceCents, stock, Map.of());
    }

    JsonNode newCategory(String name) {
        Response created = post(V1 + "/admin/categories", Map.of("name", name), admin().auth());
        assertThat(created.status()).as("create category %s", created).isEqualTo(201);
        return created.json();
    }

    void setStock(String productId, int stock) {
        Response changed = patch(V1 + "/admin/products/" + productId + "/stock", Map.of("set", stock), admin().auth());
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
    }

    Response addToCart(Session who, String productId, int quantity) {
        return post(V1 + "/cart/add", Map.of("productId", productId, "quantity", quantity), who.auth());
    }

    JsonNode added(Session who, String productId, int quantity) {
        Response added = addToCart(who, productId, quantity);
        assertThat(added.status()).as("add to cart %s", added).isEqualTo(200);
        return added.json();
    }

    Response checkout(Session who, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = who.bearer();
        System.arraycopy(headers, 0, all, 2, headers.length);
        return post(V1 + "/checkout", null, all);
    }

    /** A paid order of {@code who} for one copy of a new book; answers the checkout body. */
    JsonNode paidOrder(Session who) {
        JsonNode book = newBook(990, 5);
        added(who, book.get("id").asText(), 1);
        Response checkout = checkout(who);
        assertThat(checkout.status()).as("checkout %s", checkout).isEqualTo(201);
        return checkout.json();
    }

    /** The stock of any book, active or not, as the admin sees it. */
    int stockOf(String productId) {
        return adminView(productId).get("stock").asInt();
    }

    JsonNode adminView(String productId) {
        for (int page = 1; ; page++) {
            JsonNode list = get(V1 + "/admin/products?size=100&sort=newest&page=" + page, admin().auth())
                    .json();
            for (JsonNode item : list.get("items")) {
                if (item.get("id").asText().equals(productId)) {
                    return item;
                }
            }
            if (list.get("items").isEmpty()) {
                throw new AssertionError("no product " + productId);
            }
        }
    }

    static String json(Object value) {
        return TestServer.json(value);
    }

    /** Map.of refuses nulls; request bodies sometimes need them. */
    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "(no body)";
        }
        return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }
}
