package dev.bookshop.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.web.ops.MetricsRoutes;
import dev.bookshop.application.shared.port.in.StoreUnavailableException;
import dev.bookshop.domain.catalog.Product;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics} and the answer to a dependency outage, over the stub shop. */
class OperationsApiTest {

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.withOperations(new WebOperations(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void metricsCountRequestsByRouteTemplateNotByRawPath() {
        Product book = app.shop.addProduct("Metrics " + UUID.randomUUID(), 999, 2);
        assertThat(app.get("/api/v1/products/" + book.id()).status()).isEqualTo(200);
        assertThat(app.get("/api/v1/products/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(app.get("/no/such/" + UUID.randomUUID()).status()).isEqualTo(404);

        TestApp.Response metrics = app.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain").isEqualTo(MetricsRoutes.CONTENT_TYPE);
        assertThat(metrics.body())
                .contains("http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\","
                        + "route=\"/api/v1/products/{idOrSlug}\",status=\"200\"}")
                .contains("route=\"/api/v1/products/{idOrSlug}\",status=\"404\"")
                .contains("route=\"UNMATCHED\",status=\"404\"")
                .contains("http_server_requests_seconds_bucket{")
                .doesNotContain(book.id().toString());
    }

    @Test
    void requestsRefusedBeforeTheirHandlerAreCountedByTheirRouteTemplate() {
        String big = "{\"productId\":\"" + "a".repeat(1024 * 1024) + "\"}";
        assertThat(app.send("POST", "/api/v1/cart/add", big).status()).isEqualTo(413);
        assertThat(app.get("/api/v1/orders/" + UUID.randomUUID()).status()).isEqualTo(401);

        String metrics = app.get("/metrics").body();

        assertThat(metrics)
                .contains("route=\"/api/v1/cart/add\",status=\"413\"")
                .contains("route=\"/api/v1/orders/{id}\",status=\"401\"");
    }

    @Test
    void anOutageAnswers503ProblemNot500() {
        app.shop.failNextCallWith(new IllegalStateException(
                "wrapped", new StoreUnavailableException("the store does not answer", new IOException("refused"))));

        TestApp.Response answer = app.get("/api/v1/categories");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(answer.body()).doesNotContain("store does not answer").doesNotContain("StoreUnavailable");
    }

    @Test
    void anyOtherFailureStaysA500() {
        app.shop.failNextCallWith(new IllegalStateException("a bug"));

        TestApp.Response answer = app.get("/api/v1/categories");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("code").asText()).isEqualTo("INTERNAL_ERROR");
    }
}
