package dev.bookshop.bootstrap.hardening;

import static dev.bookshop.bootstrap.hardening.Http.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer;
import dev.bookshop.adapters.payments.stripe.testing.StripeEventPayloads;
import dev.bookshop.adapters.payments.stripe.testing.StripeSignatures;
import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests shaped to slip past the server's assumptions: method overrides, oversized pages, bodies, URLs and header
 * sets. Each is refused early with a 4xx (never a 5xx) and changes nothing.
 */
class OddRequestsApiTest {

    private static final String WEBHOOK_SECRET = "whsec_bookshop_odd_requests";

    private static FakeStripeServer stripe;
    private static TestServer server;
    private static Http http;
    private static Customer admin;

    @BeforeAll
    static void start() {
        stripe = FakeStripeServer.start();
        server = TestServer.start(Map.of(
                "PAYMENT_PROVIDER",
                "stripe",
                "STRIPE_API_KEY",
                FakeStripeServer.TEST_API_KEY,
                "STRIPE_WEBHOOK_SECRET",
                WEBHOOK_SECRET,
                "STRIPE_API_BASE",
                stripe.baseUrl()));
        http = Http.of(server);
        admin = http.admin();
    }

    @AfterAll
    static void stop() {
        try {
            server.close();
        } finally {
            stripe.close();
        }
    }

    @Test
    void aMethodOverrideHeaderCannotTurnARequestIntoAnotherMethod() {
        JsonNode book = http.newBook(admin, 900, 3);
        String path = V1 + "/admin/products/" + book.get("id").asText();

        // The path takes PATCH and DELETE only: a GET is a 405 whatever a header claims.
        Response get =
                http.judged("GET", path, null, "Authorization", admin.bearer(), "X-HTTP-Method-Override", "DELETE");
        Response signup = http.judged(
                "POST",
                V1 + "/auth/signup",
                Map.of("email", Http.freshEmail(), "password", TestServer.PASSWORD),
                "X-HTTP-Method-Override",
                "DELETE");

        assertThat(get.status()).as("%s", get).isEqualTo(405);
        assertThat(http.get(V1 + "/products/" + book.get("id").asText()).status())
                .as("the book is still on sale")
                .isEqualTo(200);
        assertThat(signup.status()).as("%s", signup).isEqualTo(201);
    }

    @Test
    void aCharsetNoJvmKnowsIsNotAServerError() {
        String bogus = "application/json; charset=no-such-charset";

        Response signup = http.judged(
                "POST",
                V1 + "/auth/signup",
                Map.of("email", Http.freshEmail(), "password", TestServer.PASSWORD),
                "Content-Type",
                bogus);
        Response empty = http.judged("POST", V1 + "/auth/refresh", "", "Content-Type", bogus);
        String event = StripeEventPayloads.otherEvent("evt_odd_charset", "customer.created");
        Response webhook = http.judged(
                "POST",
                V1 + "/payments/stripe/webhook",
                event,
                "Content-Type",
                bogus,
                "Stripe-Signature",
                StripeSignatures.sign(event, WEBHOOK_SECRET, Instant.now()));

        // JSON is UTF-8 whatever the parameter claims (RFC 8259); the body is read as such.
        assertThat(signup.status()).as("%s", signup).isEqualTo(201);
        assertThat(empty.status()).as("%s", empty).isEqualTo(400);
        assertThat(webhook.status())
                .as("the signature covers the bytes sent: %s", webhook)
                .isEqualTo(200);
    }

    @Test
    void aNulCharacterInTextIsARuleViolationNamingItsField() {
        String nul = "\u0000";
        Map<String, Response> answers = new java.util.LinkedHashMap<>();
        answers.put("author", http.get(V1 + "/products?author=Tolkien%00"));
        answers.put("q", http.get(V1 + "/products/search?q=hobbit%00"));
        answers.put(
                "email",
                http.post(
                        V1 + "/auth/signup",
                        Map.of("email", "ann" + nul + "@example.com", "password", TestServer.PASSWORD)));
        answers.put(
                "title",
                http.post(
                        V1 + "/admin/products",
                        Map.of(
                                "title",
                                "The" + nul + "Hobbit",
                                "author",
                                "J. R. R. Tolkien",
                                "priceCents",
                                999,
                                "stock",
                                1),
                        Http.auth(admin)));
        answers.put(
                "categorySlugs",
                http.post(
                        V1 + "/admin/products",
                        Map.of(
                                "title",
                                "Farmer Giles",
                                "author",
                                "J. R. R. Tolkien",
                                "priceCents",
                                999,
                                "stock",
                                1,
                                "categorySlugs",
                                java.util.List.of("fantasy" + nul)),
                        Http.auth(admin)));
        answers.put("name", http.post(V1 + "/admin/categories", Map.of("name", "Sagas" + nul), Http.auth(admin)));

        answers.forEach((field, answer) -> {
            assertThat(answer.status()).as("%s: %s", field, answer).isEqualTo(422);
            assertThat(answer.json().get("errors").findValuesAsText("field"))
                    .as(field)
                    .contains(field);
        });
    }
}
