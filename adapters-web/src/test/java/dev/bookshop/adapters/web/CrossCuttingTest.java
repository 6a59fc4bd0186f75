package dev.bookshop.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.bookshop.adapters.web.WebSettings.RateLimit;
import dev.bookshop.adapters.web.WebSettings.RateLimits;
import dev.bookshop.domain.user.Role;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CrossCuttingTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void echoesASaneRequestId() {
        var response = app.get("/health/live", "X-Request-Id", "trace-abc-123");

        assertThat(response.header("X-Request-Id")).isEqualTo("trace-abc-123");
    }

    @Test
    void replacesAMissingOrInsaneRequestId() {
        var missing = app.get("/health/live");
        var tooLong = app.get("/health/live", "X-Request-Id", "x".repeat(129));
        var withSpaces = app.get("/health/live", "X-Request-Id", "two words");

        assertThat(missing.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(tooLong.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(withSpaces.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void errorsCarryTheRequestIdAndSecurityHeadersToo() {
        var response = app.get("/api/v1/no-such-route", "X-Request-Id", "err-1");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("X-Request-Id")).isEqualTo("err-1");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aRequestJettyRefusesIsAProblemWithARequestIdToo() {
        // Jetty refuses %00 in the request line itself, before it has read a header or the application sees it.
        var nul = app.get("/api/v1/products/%00");
        // Bad UTF-8 in the path is refused once the headers are read, so the caller's id stands.
        var badUtf8 = app.get("/api/v1/products/%C3%28", "X-Request-Id", "err-2");

        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(nul.json().get("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(nul.json().has("instance")).as("no path Jetty stood in").isFalse();
        assertThat(nul.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(nul.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(badUtf8.status()).isEqualTo(400);
        assertThat(badUtf8.json().get("code").asText()).isEqualTo("BAD_REQUEST");
        assertThat(badUtf8.json().get("instance").asText()).isEqualTo("/api/v1/products/%C3%28");
        assertThat(badUtf8.header("X-Request-Id")).isEqualTo("err-2");
    }

    @Test
    void logsOneAccessLineWithRouteStatusRequestIdAndUser() throws InterruptedException {
        var user = app.shop.addUser("logged@example.com", "password1", Role.USER);
        Logger accessLog = (Logger) LoggerFactory.getLogger("dev.bookshop.access");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        accessLog.addAppender(lines);
        try {
            app.get(
                    "/api/v1/orders/" + java.util.UUID.randomUUID(),
                    "Authorization",
                    app.bearer(user),
                    "X-Request-Id",
                    "log-1");

            ILoggingEvent line = awaitLine(lines, "log-1");
            assertThat(line.getFormattedMessage())
                    .contains("GET /api/v1/orders/{id} 404", "requestId=log-1", "userId=" + user.id());
            assertThat(line.getMDCPropertyMap()).containsEntry("requestId", "log-1");
            assertThat(line.getMDCPropertyMap())
                    .containsEntry("userId", user.id().toString());
        } finally {
            accessLog.detachAppender(lines);
        }
    }

    /** The line is written after the answer is sent, so it may trail the response by a moment. */
    private static ILoggingEvent awaitLine(ListAppender<ILoggingEvent> lines, String requestId)
            throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            synchronized (lines) { // AppenderBase appends under the appender's own lock
                for (ILoggingEvent event : lines.list) {
                    if (event.getFormattedMessage().contains("requestId=" + requestId)) {
                        return event;
                    }
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no access log line for request " + requestId);
    }

    @Test
    void everyAnswerHasTheSecurityHeaders() {
        for (var response :
                List.of(app.get("/api/v1/categories"), app.get("/health/live"), app.get("/api/v1/users/me"))) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Content-Security-Policy")).startsWith("default-src 'none'");
        }
    }

    @Test
    void theDocsPageLoadsItsScriptsFromThisServerOnly() {
        var response = app.get("/docs");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.body()).contains("/docs/swagger-ui-bundle.js", "/docs/init.js");
        assertThat(response.body()).doesNotContain("https://", "<script>");
        assertThat(response.header("Content-Security-Policy"))
                .contains("script-src 'self';")
                .doesNotContain("http")
                .doesNotContain("script-src 'self' 'unsafe-inline'");
    }

    @Test
    void theDocsAssetsComeFromTheWebjarAndNothingElseIsServed() {
        var bundle = app.get("/docs/swagger-ui-bundle.js");
        var init = app.get("/docs/init.js");

        assertThat(bundle.status()).isEqualTo(200);
        assertThat(bundle.contentType()).startsWith("text/javascript");
        assertThat(bundle.body()).contains("SwaggerUIBundle");
        assertThat(init.body()).contains("/openapi.json");
        assertThat(app.get("/docs/swagger-ui.css").contentType()).startsWith("text/css");
        assertThat(app.get("/docs/index.html").status()).isEqualTo(404);
        assertThat(app.get("/docs/..%2Fopenapi.yaml").status()).isIn(400, 404);
    }

    @Test
    void authenticatedAnswersAreNotStored() {
        var user = app.shop.addUser("cache@example.com", "password1", Role.USER);

        var response = app.get("/api/v1/cart", "Authorization", app.bearer(user));

        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void noCrossOriginAccessByDefault() {
        var response = app.get("/api/v1/categories", "Origin", "https://shop.example");

        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void livenessAndReadiness() {
        var live = app.get("/health/live");
        var ready = app.get("/health/ready");
        app.ready.set(false);
        var notReady = app.get("/health/ready");
        app.ready.set(true);

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("status").asText()).isEqualTo("UP");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(notReady.status()).isEqualTo(503);
        assertThat(notReady.contentType()).startsWith("application/problem+json");
        assertThat(notReady.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
    }

    @Test
    void servesTheOpenApiDocumentAsJson() {
        var response = app.get("/openapi.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().get("openapi").asText()).isEqualTo("3.1.0");
    }

    @Nested
    class WithCorsOrigins {

        @Test
        void allowsOnlyTheConfiguredOrigins() {
            try (TestApp cors = TestApp.start(TestApp.settings().withCorsOrigins(List.of("https://shop.example")))) {
                var allowed = cors.get("/api/v1/categories", "Origin", "https://shop.example");
                var other = cors.get("/api/v1/categories", "Origin", "https://evil.example");
                var preflight = cors.send(
                        HttpRequest.newBuilder(cors.uri("/api/v1/cart/add"))
                                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
                        "Origin",
                        "https://shop.example",
                        "Access-Control-Request-Method",
                        "POST",
                        "Access-Control-Request-Headers",
                        "authorization,content-type");

                assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
                assertThat(other.header("Access-Control-Allow-Origin")).isNull();
                assertThat(preflight.status()).isEqualTo(200);
                assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
            }
        }
    }

    @Nested
    class WithTightRateLimits {

        @Test
        void loginIsLimitedPerAddressWithRetryAfter() {
            RateLimit two = new RateLimit(2, Duration.ofMinutes(10));
            RateLimit plenty = new RateLimit(1000, Duration.ofMinutes(1));
            var settings =
                    TestApp.settings().withRateLimits(new RateLimits(two, plenty, plenty, plenty, plenty, plenty));
            try (TestApp limited = TestApp.start(settings)) {
                String body = "{\"email\":\"nobody@example.com\",\"password\":\"password1\"}";
                var first = limited.send("POST", "/api/v1/auth/login", body);
                var second = limited.send("POST", "/api/v1/auth/login", body);
                var third = limited.send("POST", "/api/v1/auth/login", body);

                assertThat(first.status()).isEqualTo(401);
                assertThat(second.status()).isEqualTo(401);
                assertThat(third.status()).isEqualTo(429);
                assertThat(third.json().get("code").asText()).isEqualTo("RATE_LIMITED");
                assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(1L, 600L);
            }
        }

        @Test
        void loginIsLimitedPerEmailAcrossAddresses() {
            RateLimit one = new RateLimit(1, Duration.ofMinutes(10));
            RateLimit plenty = new RateLimit(1000, Duration.ofMinutes(1));
            var settings =
                    TestApp.settings().withRateLimits(new RateLimits(plenty, one, plenty, plenty, plenty, plenty));
            try (TestApp limited = TestApp.start(settings)) {
                var first =
                        limited.send("POST", "/api/v1/auth/login", "{\"email\":\"a@example.com\",\"password\":\"x\"}");
                var sameEmail =
                        limited.send("POST", "/api/v1/auth/login", "{\"email\":\" A@example.com\",\"password\":\"y\"}");
                var otherEmail =
                        limited.send("POST", "/api/v1/auth/login", "{\"email\":\"b@example.com\",\"password\":\"x\"}");

                assertThat(first.status()).isEqualTo(401);
                assertThat(sameEmail.status()).isEqualTo(429);
                assertThat(otherEmail.status()).isEqualTo(401);
            }
        }

        @Test
        void signupAndRefreshAreLimitedToo() {
            RateLimit one = new RateLimit(1, Duration.ofMinutes(10));
            RateLimit plenty = new RateLimit(1000, Duration.ofMinutes(1));
            var settings = TestApp.settings().withRateLimits(new RateLimits(plenty, plenty, one, one, plenty, plenty));
            try (TestApp limited = TestApp.start(settings)) {
                limited.send("POST", "/api/v1/auth/signup", "{}");
                limited.send("POST", "/api/v1/auth/refresh", "{}");

                assertThat(limited.send("POST", "/api/v1/auth/signup", "{}").status())
                        .isEqualTo(429);
                assertThat(limited.send("POST", "/api/v1/auth/refresh", "{}").status())
                        .isEqualTo(429);
            }
        }
    }
}
