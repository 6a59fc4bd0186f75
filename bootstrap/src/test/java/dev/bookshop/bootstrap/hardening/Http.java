package dev.bookshop.bootstrap.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.bootstrap.api.Judge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The hardening suites' HTTP client for one running shop: raw exchanges for requests that may misbehave, and judged
 * ones that fail on any answer the OpenAPI document or the answer rules ({@link Judge}) do not allow. Every request
 * has a time limit, so a test under faults never hangs on one.
 */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String V1 = "/api/v1";
    private static final int EXPECT_CONTINUE_FROM = 16 * 1024;

    private final String base;
    private final HttpClient client;

    Http(String base) {
        this.base = base;
        this.client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    private Http(String base, java.net.InetAddress from) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .localAddress(from)
                .build();
    }

    /**
     * The same server seen from another client address: every 127.x.y.z is this machine's loopback, so a test can be
     * several clients, each with its own per-address rate-limit budget.
     */
    Http from(String loopbackAddress) {
        try {
            return new Http(base, java.net.InetAddress.getByName(loopbackAddress));
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(loopbackAddress, e);
        }
    }

    static Http of(TestServer server) {
        return new Http(server.baseUrl());
    }

    static Http onPort(int port) {
        return new Http("http://127.0.0.1:" + port);
    }

    String base() {
        return base;
    }

    /**
     * Sends the request as it is and answers whatever came back, judged or not. A body goes as JSON unless the
     * headers name a content type; a null body sends none.
     */
    Response exchange(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null && body.length > EXPECT_CONTINUE_FROM) {
            // A server may refuse a request (415, 413, 401…) without reading its body and close the connection; a
            // client still writing a large body then sees a broken pipe instead of the answer. Waiting for
            // 100-continue, as clients sending large bodies should, lets the refusal arrive first.
            request.version(HttpClient.Version.HTTP_1_1).expectContinue(true);
        }
        boolean namesType = false;
        for (int i = 0; i < headers.length; i += 2) {
            namesType |= headers[i].equalsIgnoreCase("Content-Type");
            request.header(headers[i], headers[i + 1]);
        }
        if (body != null && !namesType) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response exchange(String method, String path, String body, String... headers) {
        return exchange(
                method, path, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
    }

    /** Sends and fails unless the answer is one the document and the answer rules allow. */
    Response judged(String method, String path, Object body, String... headers) {
        String text = body == null ? null : body instanceof String raw ? raw : json(body);
        Response response = exchange(method, path, text, headers);
        List<String> problems = Judge.violations(method, path, response);
        if (!problems.isEmpty()) {
            throw new AssertionError(method + " " + path + " answered " + response.status() + " against the rules:\n - "
                    + String.join("\n - ", problems) + "\n" + abbreviate(response.body()));
        }
        return response;
    }

    Response get(String path, String... headers) {
        return judged("GET", path, null, headers);
    }

    Response post(String path, Object body, String... headers) {
        return judged("POST", path, body, headers);
    }

    Response patch(String path, Object body, String... headers) {
        return judged("PATCH", path, body, headers);
    }

    // ---- people and books -----------------------------------------------------------------------------------

    static String freshEmail() {
        return "reader-" + UUID.randomUUID() + "@example.com";
    }

    /** Signs a new customer up and logs them in over HTTP (the server's rate limits must allow it). */
    Customer newCustomer(String email, String password) {
        Response signup = post(V1 + "/auth/signup", Map.of("email", email, "password", password));
        if (signup.status() != 201) {
            throw new AssertionError("signup " + signup);
        }
        return logIn(email, password);
    }

    Customer newCustomer() {
        return newCustomer(freshEmail(), TestServer.PASSWORD);
    }

    Customer logIn(String email, String password) {
        Response login = post(V1 + "/auth/login", Map.of("email", email, "password", password));
        if (login.status() != 200) {
            throw new AssertionError("login " + email + ": " + login);
        }
        String access = login.json().get("accessToken").asText();
        return new Customer(access, login.json().get("refreshToken").asText(), subjectOf(access), email);
    }

    Customer admin() {
        return logIn(TestServer.ADMIN_EMAIL, TestServer.ADMIN_PASSWORD);
    }

    /** A book the admin adds; answers its ProductView. */
    JsonNode newBook(Customer admin, long priceCents, int stock) {
        Response created = post(
                V1 + "/admin/products",
                Map.of(
                        "title",
                        "Book " + UUID.randomUUID(),
                        "author",
                        "Test Author",
                        "priceCents",
                        priceCents,
                        "stock",
                        stock),
                auth(admin));
        if (created.status() != 201) {
            throw new AssertionError("book " + created);
        }
        return created.json();
    }

    static String[] auth(Customer who) {
        return new String[] {"Authorization", who.bearer()};
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

    static String json(Object value) {
        return TestServer.json(value);
    }

    static String abbreviate(String body) {
        if (body == null) {
            return "(no body)";
        }
        return body.length() > 500 ? body.substring(0, 500) + "…" : body;
    }
}
