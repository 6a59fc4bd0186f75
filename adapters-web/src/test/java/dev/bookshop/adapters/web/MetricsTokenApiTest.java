package dev.bookshop.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics} with a metrics token configured, over HTTP: the token opens it, nothing else does. */
class MetricsTokenApiTest {

    private static final String TOKEN = "scraper-token-0123456789";

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start(TestApp.settings().withMetricsToken(Optional.of(TOKEN)));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theRightTokenGetsTheScrape() {
        TestApp.Response metrics = app.get("/metrics", "Authorization", "Bearer " + TOKEN);

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds");
    }

    @Test
    void aWrongTokenIsA401ProblemEvenFromLoopback() {
        assertUnauthenticated(app.get("/metrics", "Authorization", "Bearer " + TOKEN + "x"));
        assertUnauthenticated(app.get("/metrics", "Authorization", "Basic " + TOKEN));
    }

    @Test
    void noTokenIsA401ProblemEvenFromLoopback() {
        assertUnauthenticated(app.get("/metrics"));
    }

    private static void assertUnauthenticated(TestApp.Response answer) {
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(answer.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(answer.body()).doesNotContain(TOKEN).doesNotContain("jvm_");
    }
}
