package dev.bookshop.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The wired application answers the core journey over HTTP on PostgreSQL. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerSmokeTest {

    static TestServer app;

    /** The variables the server runs with beyond the test defaults; a subclass names another adapter here. */
    Map<String, String> environment() {
        return Map.of();
    }

    // Instance methods: a subclass that names another adapter still starts one server, not this one and its own.
    @BeforeAll
    void start() {
        app = TestServer.start(environment());
    }

    @AfterAll
    void stop() {
        app.close();
    }

    @Test
    void aCustomerBuysABookAndSeesThePaidOrder() {
        JsonNode book = app.newBook("Smoke", 1250, 3);
        TestServer.Customer ann = app.newCustomer();

        TestServer.Response added = app.post(
                "/api/v1/cart/add",
                TestServer.json(Map.of("productId", book.get("id").asText(), "quantity", 2)),
                "Authorization",
                ann.bearer());
        TestServer.Response checkout = app.post("/api/v1/checkout", null, "Authorization", ann.bearer());

        assertThat(added.status()).isEqualTo(200);
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
        assertThat(checkout.json().at("/order/status").asText()).isEqualTo("PAID");
        assertThat(checkout.json().at("/order/totalCents").asLong()).isEqualTo(2500);
        String orderId = checkout.json().at("/order/id").asText();
        TestServer.Response order = app.get("/api/v1/orders/" + orderId, "Authorization", ann.bearer());
        assertThat(order.json().get("status").asText()).isEqualTo("PAID");
        assertThat(order.json().get("paidAt").asText())
                .isEqualTo(checkout.json().at("/order/paidAt").asText());
        assertThat(app.get("/api/v1/products/" + book.get("slug").asText())
                        .json()
                        .get("stock")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void readinessFollowsTheDatabase() {
        assertThat(app.get("/health/ready").status()).isEqualTo(200);
        assertThat(app.get("/health/live").json().get("status").asText()).isEqualTo("UP");
    }
}
