package dev.bookshop.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.web.payment.WebhookRejectedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PaymentWebhookApiTest {

    private static final String PATH = "/api/v1/payments/stripe/webhook";

    @Test
    void withoutStripeTheWebhookIsNotThere() {
        try (TestApp app = TestApp.start()) {
            TestApp.Response response = app.send("POST", PATH, "{}", "Stripe-Signature", "t=1,v1=00");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("code").asText()).isEqualTo("NOT_FOUND");
        }
    }

    @Test
    void theRawBodyAndSignatureReachTheVerifier() {
        List<String> received = new CopyOnWriteArrayList<>();
        String payload = "{ \"id\": \"evt_1\",  \"type\": \"payment_intent.succeeded\" }";
        try (TestApp app = TestApp.withStripeWebhook((body, signature) -> {
            received.add(body);
            received.add(signature.orElse("none"));
        })) {
            TestApp.Response response = app.send("POST", PATH, payload, "Stripe-Signature", "t=1,v1=abc");

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("received").asBoolean()).isTrue();
            assertThat(received).containsExactly(payload, "t=1,v1=abc");
        }
    }

    @Test
    void aRejectedSignatureIsABadRequestThatSaysSo() {
        try (TestApp app = TestApp.withStripeWebhook((body, signature) -> {
            throw new WebhookRejectedException(signature.isEmpty() ? "missing signature" : "signature does not match");
        })) {
            TestApp.Response missing = app.send("POST", PATH, "{}");
            TestApp.Response forged = app.send("POST", PATH, "{}", "Stripe-Signature", "t=1,v1=forged");

            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.contentType()).startsWith("application/problem+json");
            assertThat(missing.json().get("code").asText()).isEqualTo("BAD_SIGNATURE");
            assertThat(missing.json().get("detail").asText()).isEqualTo("missing signature");
            assertThat(forged.json().get("detail").asText()).isEqualTo("signature does not match");
        }
    }

    @Test
    void theRouteIsPublicSoStripeNeedsNoToken() {
        try (TestApp app = TestApp.withStripeWebhook((body, signature) -> {})) {
            assertThat(app.send("POST", PATH, "{}", "Stripe-Signature", "t=1,v1=abc")
                            .status())
                    .isEqualTo(200);
        }
    }
}
