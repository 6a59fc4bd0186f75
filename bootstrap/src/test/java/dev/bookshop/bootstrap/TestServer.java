package dev.bookshop.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.adapters.persistence.testdb.TestDatabase;
import dev.bookshop.bootstrap.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole application as it runs in production — composition root, jOOQ, a real PostgreSQL database of its own,
 * Javalin on a free port — with a small HTTP client for end-to-end tests.
 */
public final class TestServer implements AutoCloseable {

    public static final String ADMIN_EMAIL = "admin@bookshop.test";
    public static final String ADMIN_PASSWORD = "admin password 1";
    public static final String PASSWORD = "customer password";
    static final ObjectMapper JSON = new ObjectMapper();

    /** Servers started and not yet closed; {@link ServersClosedCheck} fails a test class that leaves one behind. */
    private static final Set<TestServer> OPEN = ConcurrentHashMap.newKeySet();

    private final TestDatabase database;
    private final BookshopServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    private TestServer(TestDatabase database, BookshopServer server) {
        this.database = database;
        this.server = server;
        this.base = "http://127.0.0.1:" + server.port();
    }

    /** Starts on a fresh database with the fake payment provider; {@code overrides} replace any variable. */
    public static TestServer start(Map<String, String> overrides) {
        TestDatabase database = TestDatabase.create();
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("DATABASE_URL", database.jdbcUrl());
        env.put("DATABASE_USER", database.user());
        if (database.password() != null) {
            env.put("DATABASE_PASSWORD", database.password());
        }
        env.put("DB_POOL_SIZE", "4");
        env.put("BCRYPT_COST", "4");
        env.put("JWT_SECRET", "an-end-to-end-test-secret-long-enough-for-hs256");
        env.put("ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("SEED_DEMO_DATA", "false");
        // The tests' own database is a real DATABASE_URL; fake payments there must be asked for.
        env.put("ALLOW_FAKE_PAYMENTS", "true");
        // A suite signs many users up and in from 127.0.0.1; production budgets would refuse it within a class.
        env.put("RATE_LIMIT_LOGIN_PER_MINUTE", "100000");
        env.put("RATE_LIMIT_LOGIN_PER_EMAIL_PER_MINUTE", "100000");
        env.put("RATE_LIMIT_SIGNUP_PER_HOUR", "100000");
        env.put("RATE_LIMIT_REFRESH_PER_MINUTE", "100000");
        env.put("RATE_LIMIT_CHECKOUT_PER_MINUTE", "100000");
        env.put("RATE_LIMIT_PASSWORD_CHANGE_PER_15_MINUTES", "100000");
        env.put("RATE_LIMIT_PASSWORD_RESET_PER_HOUR", "100000");
        env.put("RATE_LIMIT_PASSWORD_RESET_PER_EMAIL_PER_HOUR", "100000");
        env.put("RATE_LIMIT_ACCOUNT_MAIL_PER_HOUR", "100000");
        env.put("RATE_LIMIT_ACCOUNT_MAIL_PER_ACCOUNT_PER_HOUR", "100000");
        env.putAll(overrides);
        try {
            TestServer started = new TestServer(database, BookshopServer.start(Settings.from(env)));
            OPEN.add(started);
            return started;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public static TestServer start() {
        return start(Map.of());
    }

    public BookshopServer server() {
        return server;
    }

    public TestDatabase database() {
        return database;
    }

    public String baseUrl() {
        return base;
    }

    // ---- HTTP -----------------------------------------------------------------------------------------------

    public Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    public Response delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
    }

    /** Sends {@code body} as JSON (unless the headers name another content type); a null body sends none. */
    public Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean namesType = false;
        for (int i = 0; i < headers.length; i += 2) {
            namesType |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !namesType) {
            request.header("Content-Type", "application/json");
        }
        return send(request, headers);
    }

    public Response post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Response send(HttpRequest.Builder request, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    // ---- people ---------------------------------------------------------------------------------------------

    /** A signed-up, logged-in customer with a fresh email. */
    public Customer newCustomer() {
        String email = "reader-" + UUID.randomUUID() + "@example.com";
        Response signup = post("/api/v1/auth/signup", json(Map.of("email", email, "password", PASSWORD)));
        if (signup.status() != 201) {
            throw new IllegalStateException("signup failed: " + signup);
        }
        return logIn(email, PASSWORD, signup.json().get("id").asText());
    }

    public Customer admin() {
        Response login = post("/api/v1/auth/login", json(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)));
        return new Customer(
                login.json().get("accessToken").asText(),
                login.json().get("refreshToken").asText(),
                idOf(login.json().get("accessToken").asText()),
                ADMIN_EMAIL);
    }

    public Customer logIn(String email, String password, String id) {
        Response login = post("/api/v1/auth/login", json(Map.of("email", email, "password", password)));
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login);
        }
        return new Customer(
                login.json().get("accessToken").asText(),
                login.json().get("refreshToken").asText(),
                id,
                email);
    }

    /** A book added by the admin; answers its ProductView. */
    public JsonNode newBook(String title, long priceCents, int stock) {
        Response created = post(
                "/api/v1/admin/products",
                json(Map.of(
                        "title",
                        title + " " + UUID.randomUUID(),
                        "author",
                        "Test Author",
                        "priceCents",
                        priceCents,
                        "stock",
                        stock)),
                "Authorization",
                admin().bearer());
        if (created.status() != 201) {
            throw new IllegalStateException("book not created: " + created);
        }
        return created.json();
    }

    private static String idOf(String jwt) {
        try {
            String payload = new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
            return JSON.readTree(payload).get("sub").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        OPEN.remove(this);
        try {
            server.close();
        } finally {
            database.close();
        }
    }

    /** The servers still running, as their base URLs. */
    static List<String> stillOpen() {
        return OPEN.stream().map(TestServer::baseUrl).sorted().toList();
    }

    /** Closes every server still running. */
    static void closeAllOpen() {
        List.copyOf(OPEN).forEach(TestServer::close);
    }

    /** Someone logged in: their tokens, id and email. */
    public record Customer(String accessToken, String refreshToken, String id, String email) {
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    /** An HTTP answer. */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    // ---- more instances -------------------------------------------------------------------------------------

    /**
     * Another instance of the application on this server's database, as a second node behind a load balancer runs:
     * the same defaults as {@link #start(Map)}, with {@code overrides} replacing any variable (pass the ones this
     * server got). Closing the answer stops that instance only; the database stays this server's to drop, so close
     * the other instance first.
     */
    public BookshopServer startAnotherInstance(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", "0");
        env.put("DATABASE_URL", database.jdbcUrl());
        env.put("DATABASE_USER", database.user());
        if (database.password() != null) {
            env.put("DATABASE_PASSWORD", database.password());
        }
        env.put("DB_POOL_SIZE", "4");
        env.put("BCRYPT_COST", "4");
        env.put("JWT_SECRET", "an-end-to-end-test-secret-long-enough-for-hs256");
        env.put("ADMIN_EMAIL", ADMIN_EMAIL);
        env.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("SEED_DEMO_DATA", "false");
        env.put("ALLOW_FAKE_PAYMENTS", "true");
        env.putAll(overrides);
        return BookshopServer.start(Settings.from(env));
    }

    /** Sends a request to another instance (see {@link #startAnotherInstance}) with this server's client. */
    public Response sendTo(BookshopServer instance, String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + instance.port() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, headers);
    }
}
