package dev.bookshop.bootstrap.payments;

import static dev.bookshop.bootstrap.payments.StripeShop.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer.RecordedRequest;
import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A checkout with shipping and VAT through the local fake Stripe: the PaymentIntent is created for exactly the
 * order's total, shipping included, and a payment of that amount settles the order. A shop of its own, because once a
 * shop ships every checkout must name an address and a method.
 */
class StripeShippingE2eTest {

    private static StripeShop shop;
    private static FakeStripeServer stripe;
    private static String standardId;

    @BeforeAll
    static void start() {
        shop = StripeShop.start(Map.of());
        stripe = shop.stripe();
        Customer admin = shop.app().admin();
        Response method = shop.app()
                .post(
                        "/api/v1/admin/shipping-methods",
                        TestServer.json(Map.of("name", "Standard", "countries", List.of("DE"), "priceCents", 490)),
                        "Authorization",
                        admin.bearer());
        assertThat(method.status()).as(method.toString()).isEqualTo(201);
        standardId = method.json().get("id").asText();
        Response vat = shop.app()
                .send(
                        "PUT",
                        "/api/v1/admin/tax-rates/DE",
                        TestServer.json(Map.of("rateBasisPoints", 700)),
                        "Authorization",
                        admin.bearer());
        assertThat(vat.status()).as(vat.toString()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void thePaymentIntentIsForTheOrdersTotalWithShippingAndTax() {
        JsonNode atlas = shop.newBook("Atlas", 1250, 5);
        Customer ann = shop.newCustomer();
        shop.addToCart(ann, atlas, 2);
        String body = TestServer.json(Map.of(
                "shippingAddress",
                Map.of(
                        "name",
                        "Ann",
                        "line1",
                        "Hauptstraße 1",
                        "city",
                        "Berlin",
                        "postalCode",
                        "10115",
                        "country",
                        "DE"),
                "shippingMethodId",
                standardId));

        Response checkout = shop.app().post("/api/v1/checkout", body, "Authorization", ann.bearer());

        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
        JsonNode order = checkout.json().get("order");
        String orderId = order.get("id").asText();
        // 2 × 12.50 + 4.90 shipping; 25.00 holds 1.64 VAT at 7 %, shipping 0.32.
        assertThat(order.get("totalCents").asLong()).isEqualTo(2990);
        assertThat(order.get("shippingCents").asLong()).isEqualTo(490);
        assertThat(order.get("taxCents").asLong()).isEqualTo(164 + 32);
        List<RecordedRequest> created = stripe.requestsTo("/v1/payment_intents").stream()
                .filter(r -> r.param("metadata[orderId]").orElse("").equals(orderId))
                .toList();
        assertThat(created).hasSize(1);
        assertThat(created.getFirst().param("amount"))
                .contains(Long.toString(order.get("totalCents").asLong()));
        assertThat(created.getFirst().param("currency")).contains("eur");

        String intentId = stripe.intents().stream()
                .filter(i -> i.orderId().orElse("").equals(orderId))
                .findFirst()
                .orElseThrow()
                .id();
        Response delivered = shop.deliver(event("payment_intent.succeeded", intentId, 2990, orderId));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        StripeShop.eventually(
                Duration.ofSeconds(30),
                () -> assertThat(shop.app()
                                .get("/api/v1/orders/" + orderId, "Authorization", ann.bearer())
                                .json()
                                .get("status")
                                .asText())
                        .isEqualTo("PAID"));
    }
}
