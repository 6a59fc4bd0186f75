package dev.bookshop.adapters.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.adapters.web.WebSettings.RateLimit;
import dev.bookshop.adapters.web.WebSettings.RateLimits;
import dev.bookshop.adapters.web.payment.PaymentWebhook;
import dev.bookshop.adapters.web.security.AccessTokens;
import dev.bookshop.domain.user.User;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** The real web adapter on a free port, over the stub shop, with a small HTTP client for the tests. */
final class TestApp implements AutoCloseable {

    static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";

    final StubShop shop = new StubShop();
    final AtomicBoolean ready = new AtomicBoolean(true);
    final Javalin app;
    final AccessTokens tokens;

    private final HttpClient http = HttpClient.newHttpClient();
    final String base;

    private TestApp(WebSettings settings, Optional<PaymentWebhook> stripeWebhook) {
        this(settings, stripeWebhook, WebOperations.standalone());
    }

    private TestApp(WebSettings settings, Optional<PaymentWebhook> stripeWebhook, WebOperations operations) {
        this.app = BookshopWeb.create(
                        shop.useCases(), settings, Clock.systemUTC(), ready::get, stripeWebhook, operations)
                .start("127.0.0.1", 0);
        this.base = "http://127.0.0.1:" + app.port();
        this.tokens = new AccessTokens(settings.jwt(), Clock.systemUTC());
    }

    static TestApp start() {
        return start(settings());
    }

    static TestApp start(WebSettings settings) {
        return new TestApp(settings, Optional.empty());
    }

    static TestApp withOperations(WebOperations operations) {
        return new TestApp(settings(), Optional.empty(), operations);
    }

    static TestApp withStripeWebhook(PaymentWebhook webhook) {
        return new TestApp(settings(), Optional.of(webhook));
    }

    /** Limits high enough that only the rate-limit test ever meets them. */
    static WebSettings settings() {
        RateLimit plenty = new RateLimit(10_000, Duration.ofMinutes(1));
        return WebSettings.defaults(SECRET)
                .withRateLimits(new RateLimits(plenty, plenty, plenty, plenty, plenty, plenty));
    }

    String bearer(User user) {
        return "Bearer " + tokens.issue(user.id(), user.role()).token();
    }

    Response get(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
    }

    Response delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), headers);
    }

    /** Sends a JSON body ({@code Content-Type: application/json} unless the headers name another). */
    Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (!names(headers, "Content-Type") && body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request, headers);
    }

    Response send(HttpRequest.Builder request, String... headers) {
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

    URI uri(String path) {
        return URI.create(base + path);
    }

    private static boolean names(String[] headers, String name) {
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        app.stop();
    }

    /** An answer, with its body readable as JSON. */
    record Response(int status, HttpHeaders headers, String body) {

        private static final ObjectMapper JSON = new ObjectMapper();

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
