package dev.bookshop.bootstrap.payments;

import static dev.bookshop.bootstrap.payments.StripeShop.event;
import static dev.bookshop.bootstrap.payments.StripeShop.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer.Answer;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer.RecordedRequest;
import dev.bookshop.bootstrap.BookshopServer;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.bootstrap.payments.StripeShop.Purchase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Orders nobody pays for in time: with a two-second payment timeout (the sweep then runs every second) a PENDING
 * order's PaymentIntent is cancelled at Stripe, then the order becomes FAILED and gives its stock back (unless the
 * intent succeeded meanwhile: then the order is paid), a payment that arrives afterwards is refunded, and two instances
 * sweeping the same database expire each order once.
 */
class OrderExpiryE2eTest {

    private static final Duration EXPIRY_WAIT = Duration.ofSeconds(30);

    private static StripeShop shop;
    private static FakeStripeServer stripe;

    @BeforeAll
    static void start() {
        shop = StripeShop.start(Map.of("ORDER_PAYMENT_TIMEOUT", "PT2S"));
        stripe = shop.stripe();
    }

    @AfterAll
    static void stop() {
        shop.close();
    }

    @Test
    void anUnpaidOrderExpiresAndItsStockComesBack() {
        JsonNode book = shop.newBook("Forgotten Cart", 1200, 4);
        Purchase purchase = shop.newPurchase(book, 3);
        assertThat(purchase.checkout().json().at("/order/status").asText()).isEqualTo("PENDING");

        eventually(EXPIRY_WAIT, () -> assertThat(shop.status(purchase)).isEqualTo("FAILED"));

        assertThat(shop.stock(book)).isEqualTo(4);
        assertThat(shop.latestOrder(purchase.buyer()).get("status").asText()).isEqualTo("FAILED");
        assertThat(shop.auditTrail(purchase.orderId())).containsExactly("PLACED", "PAYMENT_STARTED", "EXPIRED");
        // The intent was cancelled at Stripe before the stock came back: the client secret can no longer pay.
        assertThat(stripe.intent(purchase.intentId()).orElseThrow().status()).isEqualTo("canceled");
        assertThat(cancelsOf(purchase))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.header("Idempotency-Key")).contains("cancel-" + purchase.orderId()));

        // Stripe then reports the cancellation: the stock does not come back a second time.
        Response canceled = shop.deliver(event("payment_intent.canceled", purchase));

        assertThat(canceled.status()).as(canceled.toString()).isEqualTo(200);
        assertThat(shop.stock(book)).isEqualTo(4);
        assertThat(shop.auditTrail(purchase.orderId())).containsExactly("PLACED", "PAYMENT_STARTED", "EXPIRED");
    }

    /**
     * The customer pays just as the order runs out, and the success event is still on its way when the sweep comes:
     * Stripe refuses to cancel a succeeded intent, so the sweep honours the payment instead of returning the stock,
     * and the late event then changes nothing.
     */
    @Test
    void aPaymentThatSucceedsAsTheOrderExpiresIsHonouredAndItsStockIsNotReturned() {
        JsonNode book = shop.newBook("Just In Time", 1800, 3);
        Purchase purchase = shop.newPurchase(book, 2);
        stripe.intentStatus(purchase.intentId(), "succeeded");

        eventually(EXPIRY_WAIT, () -> assertThat(shop.status(purchase)).isEqualTo("PAID"));
        Response late = shop.deliver(event("payment_intent.succeeded", purchase));

        assertThat(late.status()).as(late.toString()).isEqualTo(200);
        holdsFor(Duration.ofSeconds(3), () -> assertThat(shop.stock(book)).isEqualTo(1));
        assertThat(shop.status(purchase)).isEqualTo("PAID");
        assertThat(shop.auditTrail(purchase.orderId())).containsExactly("PLACED", "PAYMENT_STARTED", "PAID");
        assertThat(refundsOf(purchase)).isEmpty();
        assertThat(shop.outbox(purchase.buyer())).hasSize(1);
    }

    /** The success event wins the race instead: the order is paid once, and the sweep leaves it alone. */
    @Test
    void aSuccessEventThatBeatsTheSweepPaysTheOrderOnce() {
        JsonNode book = shop.newBook("Racing The Clock", 1300, 2);
        Purchase purchase = shop.newPurchase(book, 1);
        stripe.intentStatus(purchase.intentId(), "succeeded");

        Response succeeded = shop.deliver(event("payment_intent.succeeded", purchase));
        holdsFor(Duration.ofSeconds(4), () -> assertThat(shop.status(purchase)).isEqualTo("PAID"));

        assertThat(succeeded.status()).as(succeeded.toString()).isEqualTo(200);
        assertThat(shop.stock(book)).isEqualTo(1);
        assertThat(shop.auditTrail(purchase.orderId())).containsExactly("PLACED", "PAYMENT_STARTED", "PAID");
        assertThat(cancelsOf(purchase)).isEmpty();
    }

    @Test
    void aPaymentThatArrivesAfterExpiryIsRefundedAndTheOrderStaysFailed() {
        JsonNode book = shop.newBook("Too Late", 2500, 2);
        Purchase purchase = shop.newPurchase(book, 2);
        eventually(EXPIRY_WAIT, () -> assertThat(shop.status(purchase)).isEqualTo("FAILED"));
        assertThat(shop.stock(book)).isEqualTo(2);
        String succeeded = event("payment_intent.succeeded", purchase);

        Response delivered = shop.deliver(succeeded);

        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        JsonNode order = shop.order(purchase);
        assertThat(order.get("status").asText()).isEqualTo("FAILED");
        assertThat(order.get("paidAt").isNull()).isTrue();
        // The books went back on sale when the order expired: they stay there.
        assertThat(shop.stock(book)).isEqualTo(2);
        RecordedRequest refund = refundsOf(purchase).getFirst();
        assertThat(refundsOf(purchase)).hasSize(1);
        assertThat(refund.param("amount")).contains("5000");
        assertThat(refund.header("Idempotency-Key")).contains("refund-" + purchase.orderId());
        assertThat(shop.auditTrail(purchase.orderId()))
                .containsExactly("PLACED", "PAYMENT_STARTED", "EXPIRED", "PAYMENT_AFTER_EXPIRY", "REFUNDED");
        assertThat(shop.outbox(purchase.buyer())).isEmpty();

        Response redelivered = shop.deliver(succeeded);

        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(200);
        assertThat(refundsOf(purchase)).hasSize(1);
        assertThat(shop.auditTrail(purchase.orderId()))
                .containsExactly("PLACED", "PAYMENT_STARTED", "EXPIRED", "PAYMENT_AFTER_EXPIRY", "REFUNDED");
    }

    /**
     * Stripe refuses the refund: the webhook answers 502, so the event is not recorded as handled and Stripe's
     * redelivery tries again; the retry, with the same idempotency key, refunds once.
     */
    @Test
    void aRefundStripeRefusesIsRetriedByTheRedeliveryAndMadeOnce() {
        JsonNode book = shop.newBook("Refund Refused", 1500, 1);
        Purchase purchase = shop.newPurchase(book, 1);
        eventually(EXPIRY_WAIT, () -> assertThat(shop.status(purchase)).isEqualTo("FAILED"));
        String succeeded = event("payment_intent.succeeded", purchase);
        stripe.answerEveryRequest(Answer.serverError());
        Response refused;
        try {
            refused = shop.deliver(succeeded);
        } finally {
            stripe.reset();
        }
        Response redelivered = shop.deliver(succeeded);
        Response again = shop.deliver(succeeded);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(502);
        assertThat(refused.json().get("code").asText()).isEqualTo("PAYMENT_PROVIDER_UNAVAILABLE");
        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(200);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(refundsOf(purchase)).hasSize(1);
        assertThat(shop.status(purchase)).isEqualTo("FAILED");
        assertThat(shop.stock(book)).isEqualTo(1);
        assertThat(shop.auditTrail(purchase.orderId()))
                .containsExactly(
                        "PLACED", "PAYMENT_STARTED", "EXPIRED", "REFUND_FAILED", "PAYMENT_AFTER_EXPIRY", "REFUNDED");
    }

    @Test
    void twoInstancesSweepingOneDatabaseExpireEachOrderOnceAndReturnItsStockOnce() {
        BookshopServer second = shop.app().startAnotherInstance(shop.environment());
        try {
            List<JsonNode> books = List.of(
                    shop.newBook("Shared Sweep A", 1000, 10),
                    shop.newBook("Shared Sweep B", 1100, 10),
                    shop.newBook("Shared Sweep C", 1200, 10));
            List<Purchase> purchases = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                JsonNode book = books.get(i % books.size());
                int quantity = 1 + i % 3;
                Customer buyer = shop.newCustomer();
                shop.addToCart(buyer, book, quantity);
                // Half the customers are served by each instance, as behind a load balancer.
                Response checkout = i % 2 == 0
                        ? shop.checkout(buyer)
                        : shop.app().sendTo(second, "POST", "/api/v1/checkout", null, "Authorization", buyer.bearer());
                assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
                assertThat(checkout.json().at("/order/status").asText()).isEqualTo("PENDING");
                purchases.add(
                        new Purchase(buyer, checkout.json().at("/order/id").asText(), "", 0, checkout));
            }

            eventually(
                    EXPIRY_WAIT,
                    () -> assertThat(purchases)
                            .allSatisfy(p -> assertThat(shop.status(p)).isEqualTo("FAILED")));
            // Both instances keep sweeping for a few more rounds: nothing may come back twice meanwhile.
            holdsFor(
                    Duration.ofSeconds(3),
                    () -> assertThat(books)
                            .allSatisfy(book -> assertThat(shop.stock(book)).isEqualTo(10)));

            assertThat(purchases)
                    .allSatisfy(p -> assertThat(shop.auditTrail(p.orderId()))
                            .containsExactly("PLACED", "PAYMENT_STARTED", "EXPIRED"));
        } finally {
            second.close();
        }
    }

    private static List<RecordedRequest> cancelsOf(Purchase purchase) {
        return stripe.requestsTo("/v1/payment_intents/" + purchase.intentId() + "/cancel");
    }

    private static List<RecordedRequest> refundsOf(Purchase purchase) {
        return stripe.requestsTo("/v1/refunds").stream()
                .filter(r -> r.param("payment_intent").orElse("").equals(purchase.intentId()))
                .toList();
    }

    /** Checks the assertion repeatedly for {@code duration}: it must hold every time. */
    private static void holdsFor(Duration duration, Runnable assertion) {
        long end = System.nanoTime() + duration.toNanos();
        do {
            assertion.run();
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (System.nanoTime() < end);
        assertion.run();
    }
}
