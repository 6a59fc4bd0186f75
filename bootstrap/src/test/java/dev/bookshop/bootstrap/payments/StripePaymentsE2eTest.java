package dev.bookshop.bootstrap.payments;

import static dev.bookshop.bootstrap.payments.StripeShop.event;
import static dev.bookshop.bootstrap.payments.StripeShop.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.bookshop.adapters.payments.stripe.StripePaymentGateway;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer.Answer;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer.RecordedRequest;
import dev.bookshop.adapters.payments.stripe.testing.StripeEventPayloads;
import dev.bookshop.adapters.payments.stripe.testing.StripeSignatures;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.bootstrap.payments.StripeShop.Purchase;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Card payments through Stripe, end to end: the real server on PostgreSQL, checkout calling a fake Stripe API over
 * HTTP, webhooks signed like Stripe's posted to the server, and the confirmation mail caught by an SMTP server in
 * this process. One shop serves every test; each test buys its own books as its own customer.
 */
class StripePaymentsE2eTest {

    private static final Duration MAIL_WAIT = Duration.ofSeconds(30);

    private static GreenMail smtp;
    private static StripeShop shop;
    private static FakeStripeServer stripe;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        shop = StripeShop.start(Map.of(
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()),
                "MAIL_FROM", "Bookshop <orders@bookshop.test>"));
        stripe = shop.stripe();
    }

    @AfterAll
    static void stop() {
        try {
            shop.close();
        } finally {
            smtp.stop();
        }
    }

    // ---- success ----------------------------------------------------------------------------------------------

    @Test
    void aPaymentStripeConfirmsPaysTheOrderAndSendsOneConfirmationEvenWhenTheEventComesTwice() throws Exception {
        JsonNode mirrors = shop.newBook("Smoke & Mirrors", 1250, 5);
        JsonNode atlas = shop.newBook("Atlas", 899, 5);
        Customer ann = shop.newCustomer();
        shop.addToCart(ann, mirrors, 2);
        shop.addToCart(ann, atlas, 1);

        Response checkout = shop.checkout(ann);

        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
        JsonNode answer = checkout.json();
        String orderId = answer.at("/order/id").asText();
        assertThat(answer.at("/order/status").asText()).isEqualTo("PENDING");
        assertThat(answer.at("/order/totalCents").asLong()).isEqualTo(3399);
        assertThat(answer.at("/order/paidAt").isNull()).isTrue();
        assertThat(answer.at("/payment/provider").asText()).isEqualTo("stripe");
        assertThat(answer.at("/payment/status").asText()).isEqualTo("pending");
        RecordedRequest created = intentRequestsFor(orderId).getFirst();
        assertThat(intentRequestsFor(orderId)).hasSize(1);
        assertThat(created.param("amount")).contains("3399");
        assertThat(created.param("currency")).contains("eur");
        assertThat(created.header("Idempotency-Key")).contains("order-" + orderId);
        assertThat(created.header("Authorization")).contains("Bearer " + FakeStripeServer.TEST_API_KEY);
        FakeStripeServer.CreatedIntent intent = stripe.intents().stream()
                .filter(i -> i.orderId().orElse("").equals(orderId))
                .findFirst()
                .orElseThrow();
        assertThat(answer.at("/payment/clientSecret").asText()).isEqualTo(intent.clientSecret());
        assertThat(shop.stock(mirrors)).isEqualTo(3);

        String succeeded = event("payment_intent.succeeded", intent.id(), 3399, orderId);
        Response delivered = shop.deliver(succeeded);

        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.json().get("received").asBoolean()).isTrue();
        Purchase purchase = new Purchase(ann, orderId, intent.id(), 3399, checkout);
        JsonNode paid = shop.order(purchase);
        assertThat(paid.get("status").asText()).isEqualTo("PAID");
        Instant paidAt = Instant.parse(paid.get("paidAt").asText());
        assertThat(paidAt).isAfterOrEqualTo(Instant.parse(paid.get("createdAt").asText()));
        assertThat(shop.auditTrail(orderId)).containsExactly("PLACED", "PAYMENT_STARTED", "PAID");

        eventually(MAIL_WAIT, () -> assertThat(mailsTo(ann)).isNotEmpty());
        MimeMessage[] mails = mailsTo(ann);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails[0];
        assertThat(mail.getSubject()).contains(orderId);
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        String text = content(parts, "text/plain");
        String html = content(parts, "text/html");
        String mirrorsTitle = mirrors.get("title").asText();
        String atlasTitle = atlas.get("title").asText();
        assertThat(text)
                .contains("2 × " + mirrorsTitle + "  25.00 EUR")
                .contains("1 × " + atlasTitle + "  8.99 EUR")
                .contains("Total: 33.99 EUR");
        assertThat(html)
                .contains(mirrorsTitle.replace("&", "&amp;"))
                .contains("25.00 EUR")
                .contains(atlasTitle)
                .contains("8.99 EUR")
                .contains("33.99 EUR")
                .doesNotContain("Smoke & Mirrors");

        // Stripe redelivers when it misses our answer: same event, freshly signed.
        Response redelivered = shop.deliver(succeeded);

        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(200);
        JsonNode after = shop.order(purchase);
        assertThat(after.get("status").asText()).isEqualTo("PAID");
        assertThat(Instant.parse(after.get("paidAt").asText())).isEqualTo(paidAt);
        assertThat(shop.auditTrail(orderId)).containsExactly("PLACED", "PAYMENT_STARTED", "PAID");
        // One outbox row, already sent: nothing is left that could mail the customer a second time.
        assertThat(shop.outbox(ann))
                .singleElement()
                .satisfies(row -> assertThat(row.sent()).isTrue());
        assertThat(mailsTo(ann)).hasSize(1);
        assertThat(shop.stock(mirrors)).isEqualTo(3);
    }

    @Test
    void anEventThatBeatsTheCheckoutsOwnWriteIsMatchedByTheOrderIdItCarries() throws Exception {
        JsonNode book = shop.newBook("Early Bird", 1500, 4);
        Customer bea = shop.newCustomer();
        shop.addToCart(bea, book, 1);
        String intentId = "pi_early_" + UUID.randomUUID().toString().replace("-", "");
        int before = stripe.requestsTo("/v1/payment_intents").size();
        // Stripe takes its time answering checkout: the event is sent (and delivered) while checkout still waits.
        stripe.answerNext(new Answer(200, intentJson(intentId, 1500), Duration.ofSeconds(4)));

        CompletableFuture<Response> checkout = CompletableFuture.supplyAsync(() -> shop.checkout(bea));
        eventually(
                Duration.ofSeconds(10),
                () -> assertThat(stripe.requestsTo("/v1/payment_intents")).hasSizeGreaterThan(before));
        RecordedRequest created = stripe.requestsTo("/v1/payment_intents").get(before);
        String orderId = created.param("metadata[orderId]").orElseThrow();
        Response delivered = shop.deliver(event("payment_intent.succeeded", intentId, 1500, orderId));
        Response answer = checkout.get(30, TimeUnit.SECONDS);

        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.json().at("/order/id").asText()).isEqualTo(orderId);
        // Checkout found the order already paid by the event: proof the event came first.
        assertThat(answer.json().at("/order/status").asText()).isEqualTo("PAID");
        assertThat(answer.json().at("/payment/status").asText()).isEqualTo("succeeded");
        assertThat(answer.json().at("/payment/clientSecret").isMissingNode()).isTrue();
        assertThat(shop.paymentReference(orderId)).isEqualTo(intentId);
        assertThat(shop.auditTrail(orderId)).containsExactly("PLACED", "PAID");
        eventually(MAIL_WAIT, () -> assertThat(mailsTo(bea)).hasSize(1));
        assertThat(shop.outbox(bea)).hasSize(1);
    }

    @Test
    void aCheckoutRetriedWithItsIdempotencyKeyAnswersTheSameOrderAndTheSamePaymentIntent() {
        JsonNode book = shop.newBook("Retry", 1600, 3);
        Customer gus = shop.newCustomer();
        shop.addToCart(gus, book, 1);
        String key = "checkout-" + UUID.randomUUID();

        Response first = checkoutWithKey(gus, key);
        Response retried = checkoutWithKey(gus, key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        String orderId = first.json().at("/order/id").asText();
        assertThat(retried.json().at("/order/id").asText()).isEqualTo(orderId);
        assertThat(retried.json().at("/payment/clientSecret").asText())
                .isNotBlank()
                .isEqualTo(first.json().at("/payment/clientSecret").asText());
        // Asked twice with the order's own key: Stripe answers the one intent it made.
        assertThat(intentRequestsFor(orderId))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).contains("order-" + orderId));
        assertThat(stripe.intents())
                .filteredOn(i -> i.orderId().orElse("").equals(orderId))
                .hasSize(1);
        assertThat(shop.stock(book)).isEqualTo(2);

        String intentId = stripe.intents().stream()
                .filter(i -> i.orderId().orElse("").equals(orderId))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(shop.deliver(event("payment_intent.succeeded", intentId, 1600, orderId))
                        .status())
                .isEqualTo(200);
        Response afterPayment = checkoutWithKey(gus, key);

        assertThat(afterPayment.status()).as(afterPayment.toString()).isEqualTo(201);
        assertThat(afterPayment.json().at("/order/status").asText()).isEqualTo("PAID");
        assertThat(afterPayment.json().at("/payment/status").asText()).isEqualTo("succeeded");
        assertThat(afterPayment.json().at("/payment/clientSecret").isMissingNode())
                .isTrue();
        assertThat(intentRequestsFor(orderId)).hasSize(2);
    }

    // ---- failure reported by Stripe ---------------------------------------------------------------------------

    @Test
    void aDeclinedCardLeavesTheOrderPendingAndAFollowingCancelFailsItReturningTheStockOnce() {
        JsonNode book = shop.newBook("Declined", 700, 5);
        Purchase purchase = shop.newPurchase(book, 2);
        assertThat(shop.stock(book)).isEqualTo(3);

        Response failed = shop.deliver(event("payment_intent.payment_failed", purchase));

        assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
        assertThat(shop.status(purchase)).isEqualTo("PENDING");
        assertThat(shop.stock(book)).isEqualTo(3);
        assertThat(shop.auditTrail(purchase.orderId()))
                .containsExactly("PLACED", "PAYMENT_STARTED", "PAYMENT_DECLINED");

        Response canceled = shop.deliver(event("payment_intent.canceled", purchase));
        Response canceledAgain = shop.deliver(event("payment_intent.canceled", purchase));

        assertThat(canceled.status()).as(canceled.toString()).isEqualTo(200);
        assertThat(canceledAgain.status()).as(canceledAgain.toString()).isEqualTo(200);
        assertThat(shop.status(purchase)).isEqualTo("FAILED");
        assertThat(shop.order(purchase).get("paidAt").isNull()).isTrue();
        assertThat(shop.stock(book)).isEqualTo(5);
        assertThat(shop.auditTrail(purchase.orderId()))
                .containsExactly("PLACED", "PAYMENT_STARTED", "PAYMENT_DECLINED", "PAYMENT_FAILED");
        assertThat(shop.outbox(purchase.buyer())).isEmpty();
    }

    /**
     * At Stripe, {@code payment_intent.payment_failed} is not final: the intent goes back to
     * {@code requires_payment_method} and the customer may try another card with the same client secret. The order
     * waits for that, so the second card pays it and nothing is refunded.
     */
    @Test
    void aSecondCardThatSucceedsAfterADeclineOnTheSameIntentPaysTheOrderWithoutRefund() {
        JsonNode book = shop.newBook("Second Card", 1200, 2);
        Purchase purchase = shop.newPurchase(book, 1);
        assertThat(shop.deliver(event("payment_intent.payment_failed", purchase))
                        .status())
                .isEqualTo(200);
        stripe.intentStatus(purchase.intentId(), "succeeded");

        Response succeeded = shop.deliver(event("payment_intent.succeeded", purchase));

        assertThat(succeeded.status()).as(succeeded.toString()).isEqualTo(200);
        assertThat(shop.status(purchase)).isEqualTo("PAID");
        assertThat(shop.stock(book)).isEqualTo(1);
        assertThat(stripe.requestsTo("/v1/refunds"))
                .noneMatch(r -> r.param("payment_intent").orElse("").equals(purchase.intentId()));
        assertThat(shop.auditTrail(purchase.orderId()))
                .containsExactly("PLACED", "PAYMENT_STARTED", "PAYMENT_DECLINED", "PAID");
        assertThat(shop.outbox(purchase.buyer())).hasSize(1);
    }

    @Test
    void aCanceledPaymentFailsTheOrderAndReturnsTheStock() {
        JsonNode book = shop.newBook("Abandoned", 650, 2);
        Purchase purchase = shop.newPurchase(book, 2);
        assertThat(shop.stock(book)).isZero();

        Response canceled = shop.deliver(event("payment_intent.canceled", purchase));

        assertThat(canceled.status()).as(canceled.toString()).isEqualTo(200);
        assertThat(shop.status(purchase)).isEqualTo("FAILED");
        assertThat(shop.stock(book)).isEqualTo(2);
        assertThat(shop.auditTrail(purchase.orderId())).containsExactly("PLACED", "PAYMENT_STARTED", "PAYMENT_FAILED");
    }

    @Test
    void aFailureThatArrivesAfterThePaymentChangesNothing() {
        JsonNode book = shop.newBook("Out Of Order", 1100, 4);
        Purchase purchase = shop.newPurchase(book, 1);
        assertThat(shop.deliver(event("payment_intent.succeeded", purchase)).status())
                .isEqualTo(200);
        String paidAt = shop.order(purchase).get("paidAt").asText();

        Response failed = shop.deliver(event("payment_intent.payment_failed", purchase));
        Response canceled = shop.deliver(event("payment_intent.canceled", purchase));

        assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
        assertThat(canceled.status()).as(canceled.toString()).isEqualTo(200);
        JsonNode order = shop.order(purchase);
        assertThat(order.get("status").asText()).isEqualTo("PAID");
        assertThat(order.get("paidAt").asText()).isEqualTo(paidAt);
        assertThat(shop.stock(book)).isEqualTo(3);
        assertThat(shop.auditTrail(purchase.orderId())).containsExactly("PLACED", "PAYMENT_STARTED", "PAID");
    }

    /**
     * Money taken for another amount or currency cannot settle the order, and must not stay with the shop: it is
     * refunded (once, whatever the redeliveries) and recorded; the order keeps its stock until the sweep ends it.
     */
    @Test
    void aSucceededEventForAnotherAmountOrCurrencyIsRefundedAndRecorded() {
        JsonNode book = shop.newBook("Short Change", 2000, 3);
        Purchase shortPaid = shop.newPurchase(book, 1);
        Purchase otherCurrency = shop.newPurchase(book, 1);
        String tooLittle = event("payment_intent.succeeded", shortPaid.intentId(), 1999, shortPaid.orderId());
        String wrongCurrency = StripeEventPayloads.paymentIntentEvent(
                StripeShop.newEventId(),
                "payment_intent.succeeded",
                otherCurrency.intentId(),
                2000,
                "usd",
                otherCurrency.orderId());

        List<Response> answers = List.of(shop.deliver(tooLittle), shop.deliver(tooLittle), shop.deliver(wrongCurrency));

        assertThat(answers)
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(200));
        assertThat(refundsOf(shortPaid)).singleElement().satisfies(r -> {
            assertThat(r.param("amount")).contains("1999");
            assertThat(r.header("Idempotency-Key")).contains("refund-" + shortPaid.orderId());
        });
        assertThat(refundsOf(otherCurrency))
                .singleElement()
                .satisfies(r -> assertThat(r.param("amount")).contains("2000"));
        for (Purchase purchase : List.of(shortPaid, otherCurrency)) {
            assertThat(shop.status(purchase)).isEqualTo("PENDING");
            assertThat(shop.auditTrail(purchase.orderId()))
                    .containsExactly("PLACED", "PAYMENT_STARTED", "AMOUNT_MISMATCH", "REFUNDED");
            assertThat(shop.outbox(purchase.buyer())).isEmpty();
        }
        assertThat(shop.stock(book)).isEqualTo(1);
    }

    private static List<RecordedRequest> refundsOf(Purchase purchase) {
        return stripe.requestsTo("/v1/refunds").stream()
                .filter(r -> r.param("payment_intent").orElse("").equals(purchase.intentId()))
                .toList();
    }

    // ---- events that change nothing -----------------------------------------------------------------------------

    @Test
    void eventsForOrdersTheShopDoesNotKnowAreAcknowledgedAndChangeNothing() {
        Purchase bystander = shop.newPurchase(shop.newBook("Bystander", 900, 2), 1);
        long auditRows = shop.count("select count(*) from order_events");
        long pending = shop.count("select count(*) from orders where status = 'PENDING'");

        Response unknownOrder = shop.deliver(event(
                "payment_intent.succeeded",
                "pi_elsewhere_1",
                900,
                UUID.randomUUID().toString()));
        Response noOrderId = shop.deliver(event("payment_intent.payment_failed", "pi_elsewhere_2", 900, null));
        Response notAnOrderId = shop.deliver(event("payment_intent.succeeded", "pi_elsewhere_3", 900, "order-42"));

        assertThat(List.of(unknownOrder, noOrderId, notAnOrderId))
                .allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        assertThat(shop.count("select count(*) from order_events")).isEqualTo(auditRows);
        assertThat(shop.count("select count(*) from orders where status = 'PENDING'"))
                .isEqualTo(pending);
        assertThat(shop.status(bystander)).isEqualTo("PENDING");
    }

    @Test
    void eventsOfOtherTypesAreAcknowledgedAndChangeNothing() {
        JsonNode book = shop.newBook("Quiet", 1300, 2);
        Purchase purchase = shop.newPurchase(book, 1);

        Response customerCreated =
                shop.deliver(StripeEventPayloads.otherEvent(StripeShop.newEventId(), "customer.created"));
        Response intentCreated = shop.deliver(event("payment_intent.created", purchase));
        Response processing = shop.deliver(event("payment_intent.processing", purchase));

        assertThat(List.of(customerCreated, intentCreated, processing))
                .allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.toString()).isEqualTo(200));
        assertThat(shop.status(purchase)).isEqualTo("PENDING");
        assertThat(shop.stock(book)).isEqualTo(1);
        assertThat(shop.auditTrail(purchase.orderId())).containsExactly("PLACED", "PAYMENT_STARTED");
    }

    @Test
    void aDeliveryWithoutAValidSignatureIsRefusedAndChangesNothing() {
        JsonNode book = shop.newBook("Forgery", 1800, 3);
        Purchase purchase = shop.newPurchase(book, 1);
        String eventId = StripeShop.newEventId();
        String genuine = StripeEventPayloads.paymentIntentEvent(
                eventId, "payment_intent.succeeded", purchase.intentId(), 1800, "eur", purchase.orderId());
        String tampered = StripeEventPayloads.paymentIntentEvent(
                eventId, "payment_intent.succeeded", purchase.intentId(), 1, "eur", purchase.orderId());
        String now = StripeSignatures.sign(genuine, StripeShop.WEBHOOK_SECRET, Instant.now());

        List<Response> refused = List.of(
                shop.deliver(genuine, null),
                shop.deliver(genuine, StripeSignatures.sign(genuine, "whsec_someone_else", Instant.now())),
                shop.deliver(tampered, now),
                shop.deliver(
                        genuine,
                        StripeSignatures.sign(
                                genuine,
                                StripeShop.WEBHOOK_SECRET,
                                Instant.now().minus(Duration.ofMinutes(10)))),
                shop.deliver(genuine, "t=yesterday,v1=nothex"));

        assertThat(refused).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().get("code").asText()).isEqualTo("BAD_SIGNATURE");
            assertThat(answer.json().get("status").asInt()).isEqualTo(400);
            assertThat(answer.body()).doesNotContain(StripeShop.WEBHOOK_SECRET);
        });
        assertThat(shop.status(purchase)).isEqualTo("PENDING");
        assertThat(shop.auditTrail(purchase.orderId())).containsExactly("PLACED", "PAYMENT_STARTED");
        assertThat(shop.count("select count(*) from processed_payment_events where event_id = ?", eventId))
                .isZero();

        // The refusals recorded nothing, so the genuine delivery of that same event still counts.
        Response accepted = shop.deliver(genuine);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
        assertThat(shop.status(purchase)).isEqualTo("PAID");
    }

    // ---- Stripe failing at checkout ---------------------------------------------------------------------------

    @Test
    void aStripeServerErrorAtCheckoutAnswers502AndFailsTheOrderWithItsStockBack() {
        JsonNode book = shop.newBook("Server Error", 1000, 3);
        Customer cal = shop.newCustomer();
        shop.addToCart(cal, book, 2);
        stripe.answerEveryRequest(Answer.serverError());
        Response checkout;
        List<RecordedRequest> attempts;
        try {
            checkout = shop.checkout(cal);
            attempts = stripe.requestsTo("/v1/payment_intents");
        } finally {
            stripe.reset();
        }

        assertProviderUnavailable(checkout);
        JsonNode order = shop.latestOrder(cal);
        assertThat(order.get("status").asText()).isEqualTo("FAILED");
        assertThat(shop.stock(book)).isEqualTo(3);
        String orderId = order.get("id").asText();
        // stripe-java retries a 5xx once, with the same key: Stripe cannot have made two intents for it.
        assertThat(attempts)
                .filteredOn(r -> r.param("metadata[orderId]").orElse("").equals(orderId))
                .hasSize(1 + StripePaymentGateway.MAX_NETWORK_RETRIES)
                .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).contains("order-" + orderId));
        assertThat(shop.auditTrail(orderId)).containsExactly("PLACED", "PAYMENT_PROVIDER_UNAVAILABLE");
    }

    @Test
    void aStripeThatDoesNotAnswerInTimeAnswers502AndFailsTheOrderWithItsStockBack() {
        JsonNode book = shop.newBook("Timeout", 1000, 3);
        Customer dan = shop.newCustomer();
        shop.addToCart(dan, book, 1);
        // Longer than the 10 s the composition root gives the Stripe client.
        stripe.answerEveryRequest(Answer.slow(Duration.ofSeconds(15)));
        Response checkout;
        List<RecordedRequest> attempts;
        try {
            checkout = shop.checkout(dan);
            attempts = stripe.requestsTo("/v1/payment_intents");
        } finally {
            stripe.reset();
        }

        assertProviderUnavailable(checkout);
        JsonNode order = shop.latestOrder(dan);
        assertThat(order.get("status").asText()).isEqualTo("FAILED");
        assertThat(shop.stock(book)).isEqualTo(3);
        String orderId = order.get("id").asText();
        // A timeout is retried once too (same key), so the customer waits up to twice the client's timeout.
        assertThat(attempts)
                .filteredOn(r -> r.param("metadata[orderId]").orElse("").equals(orderId))
                .hasSize(1 + StripePaymentGateway.MAX_NETWORK_RETRIES)
                .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).contains("order-" + orderId));
        assertThat(shop.auditTrail(orderId)).containsExactly("PLACED", "PAYMENT_PROVIDER_UNAVAILABLE");
    }

    @Test
    void aCardDeclinedWhileCreatingTheIntentIsAlsoAnswered502() {
        JsonNode book = shop.newBook("Card Declined", 1000, 3);
        Customer eve = shop.newCustomer();
        shop.addToCart(eve, book, 3);
        int before = stripe.requestsTo("/v1/payment_intents").size();
        stripe.answerNext(Answer.cardDeclined());

        Response checkout = shop.checkout(eve);

        assertProviderUnavailable(checkout);
        JsonNode order = shop.latestOrder(eve);
        assertThat(order.get("status").asText()).isEqualTo("FAILED");
        assertThat(shop.stock(book)).isEqualTo(3);
        // A refusal is an answer, not an outage: asked once, not retried.
        assertThat(stripe.requestsTo("/v1/payment_intents")).hasSize(before + 1);
        assertThat(shop.auditTrail(order.get("id").asText())).containsExactly("PLACED", "PAYMENT_PROVIDER_UNAVAILABLE");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    static void assertProviderUnavailable(Response checkout) {
        assertThat(checkout.status()).as(checkout.toString()).isEqualTo(502);
        assertThat(checkout.header("Content-Type")).startsWith("application/problem+json");
        assertThat(checkout.json().get("code").asText()).isEqualTo("PAYMENT_PROVIDER_UNAVAILABLE");
        assertThat(checkout.body()).doesNotContain(FakeStripeServer.TEST_API_KEY);
    }

    private static Response checkoutWithKey(Customer customer, String key) {
        return shop.app().post("/api/v1/checkout", null, "Authorization", customer.bearer(), "Idempotency-Key", key);
    }

    private static List<RecordedRequest> intentRequestsFor(String orderId) {
        return stripe.requestsTo("/v1/payment_intents").stream()
                .filter(r -> r.param("metadata[orderId]").orElse("").equals(orderId))
                .toList();
    }

    /** The order mails the customer received; signup's verification mail is left out. */
    private static MimeMessage[] mailsTo(Customer customer) {
        return java.util.Arrays.stream(smtp.getReceivedMessagesForDomain(customer.email()))
                .filter(mail -> {
                    try {
                        return !mail.getSubject().startsWith("Confirm your");
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toArray(MimeMessage[]::new);
    }

    private static String content(MimeMultipart parts, String mimeType) throws Exception {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType(mimeType)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + mimeType + " part");
    }

    /** What Stripe answers for a newly created intent, under an id the test chose. */
    private static String intentJson(String intentId, long amount) {
        return "{\"id\": \"" + intentId + "\", \"object\": \"payment_intent\", \"amount\": " + amount
                + ", \"amount_received\": 0, \"currency\": \"eur\", \"status\": \"requires_payment_method\","
                + " \"client_secret\": \"" + intentId + "_secret_early\", \"livemode\": false, \"metadata\": {}}";
    }
}
