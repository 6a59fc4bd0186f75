package dev.bookshop.adapters.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer.Answer;
import dev.bookshop.adapters.payments.stripe.testing.FakeStripeServer.RecordedRequest;
import dev.bookshop.application.payment.port.out.PaymentCancellation;
import dev.bookshop.application.payment.port.out.PaymentGatewayException;
import dev.bookshop.application.payment.port.out.PaymentRequest;
import dev.bookshop.application.payment.port.out.PaymentSession;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.OrderId;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe gateway against a fake Stripe API over real HTTP: what it sends, and how it reads every answer. */
class StripePaymentGatewayTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private static FakeStripeServer stripe;
    private StripePaymentGateway gateway;

    @BeforeAll
    static void startStripe() {
        stripe = FakeStripeServer.start();
    }

    @AfterAll
    static void stopStripe() {
        stripe.close();
    }

    @BeforeEach
    void freshGateway() {
        stripe.reset();
        gateway = StripePaymentGateway.create(
                FakeStripeServer.TEST_API_KEY, Optional.of(stripe.baseUrl()), Duration.ofMillis(700));
    }

    @Test
    void startPaymentCreatesAPaymentIntentAndAnswersItsClientSecret() {
        OrderId orderId = new OrderId(UUID.randomUUID());
        PaymentRequest request = new PaymentRequest(orderId, Money.ofCents(4_250), EUR, "order-" + orderId);

        PaymentSession session = gateway.startPayment(request);

        FakeStripeServer.CreatedIntent intent = stripe.intents().getFirst();
        assertThat(session.reference()).isEqualTo(intent.id()).startsWith("pi_");
        assertThat(session.status()).isEqualTo(PaymentSession.Status.PENDING);
        assertThat(session.clientSecret()).contains(intent.clientSecret());

        RecordedRequest sent = stripe.requestsTo("/v1/payment_intents").getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.param("amount")).contains("4250");
        assertThat(sent.param("currency")).contains("eur");
        assertThat(sent.param("metadata[orderId]")).contains(orderId.toString());
        assertThat(sent.param("automatic_payment_methods[enabled]")).contains("true");
        assertThat(sent.header("Idempotency-Key")).contains("order-" + orderId);
        assertThat(sent.header("Authorization")).contains("Bearer " + FakeStripeServer.TEST_API_KEY);
        assertThat(sent.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/x-www-form-urlencoded"));
    }

    @Test
    void theSameIdempotencyKeyAnswersTheSamePaymentIntent() {
        PaymentRequest request = request(1_000);

        PaymentSession first = gateway.startPayment(request);
        PaymentSession again = gateway.startPayment(request);

        assertThat(again.reference()).isEqualTo(first.reference());
        assertThat(again.clientSecret()).isEqualTo(first.clientSecret());
        assertThat(stripe.intents()).hasSize(1);
    }

    @Test
    void anIntentStripeAlreadyCapturedIsSucceeded() {
        stripe.newIntentStatus("succeeded");

        assertThat(gateway.startPayment(request(500)).status()).isEqualTo(PaymentSession.Status.SUCCEEDED);
    }

    @Test
    void aCanceledIntentIsFailed() {
        stripe.newIntentStatus("canceled");

        assertThat(gateway.startPayment(request(500)).status()).isEqualTo(PaymentSession.Status.FAILED);
    }

    @Test
    void aDeclinedCardIsAGatewayFailureNamingStripesCodesButNotItsKey() {
        stripe.answerNext(Answer.cardDeclined());

        assertThatThrownBy(() -> gateway.startPayment(request(700)))
                .isInstanceOf(PaymentGatewayException.class)
                .hasMessageContaining("HTTP 402")
                .hasMessageContaining("card_declined")
                .hasMessageContaining("generic_decline")
                .hasMessageNotContaining(FakeStripeServer.TEST_API_KEY);
        // A refusal is an answer, not a network failure: asked once, never retried.
        assertThat(stripe.requestsTo("/v1/payment_intents")).hasSize(1);
    }

    @Test
    void aServerErrorIsRetriedOnceWithTheSameKeyThenFails() {
        stripe.answerEveryRequest(Answer.serverError());
        PaymentRequest request = request(900);

        assertThatThrownBy(() -> gateway.startPayment(request))
                .isInstanceOf(PaymentGatewayException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("api_error");
        assertThat(stripe.requestsTo("/v1/payment_intents"))
                .hasSize(1 + StripePaymentGateway.MAX_NETWORK_RETRIES)
                .allSatisfy(sent -> assertThat(sent.header("Idempotency-Key")).contains(request.idempotencyKey()));
    }

    @Test
    void aServerErrorFollowedBySuccessIsCoveredByTheRetry() {
        stripe.answerNext(Answer.serverError());

        PaymentSession session = gateway.startPayment(request(900));

        assertThat(session.status()).isEqualTo(PaymentSession.Status.PENDING);
        assertThat(stripe.intents()).hasSize(1);
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsAGatewayFailure() {
        stripe.answerEveryRequest(Answer.slow(Duration.ofSeconds(30)));

        assertThatThrownBy(() -> gateway.startPayment(request(1_200)))
                .isInstanceOf(PaymentGatewayException.class)
                .hasMessageContaining("no answer");
    }

    @Test
    void aStripeThatCannotBeReachedIsAGatewayFailure() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StripePaymentGateway unreachable = StripePaymentGateway.create(
                FakeStripeServer.TEST_API_KEY, Optional.of("http://127.0.0.1:" + closedPort), Duration.ofSeconds(2));

        assertThatThrownBy(() -> unreachable.startPayment(request(1_200)))
                .isInstanceOf(PaymentGatewayException.class)
                .hasMessageContaining("no answer");
    }

    @Test
    void refundGivesThePaymentIntentBackWithTheIdempotencyKey() {
        PaymentSession session = gateway.startPayment(request(3_300));

        gateway.refund(session.reference(), Money.ofCents(3_300), EUR, "refund-order-1");

        RecordedRequest sent = stripe.requestsTo("/v1/refunds").getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.param("payment_intent")).contains(session.reference());
        assertThat(sent.param("amount")).contains("3300");
        assertThat(sent.header("Idempotency-Key")).contains("refund-order-1");
        assertThat(sent.header("Authorization")).contains("Bearer " + FakeStripeServer.TEST_API_KEY);
    }

    @Test
    void aRefusedRefundIsAGatewayFailure() {
        stripe.answerNext(Answer.json(400, """
                {"error": {"type": "invalid_request_error", "code": "charge_already_refunded",
                 "message": "Charge ch_1 has already been refunded."}}
                """));

        assertThatThrownBy(() -> gateway.refund("pi_gone", Money.ofCents(100), EUR, "refund-order-2"))
                .isInstanceOf(PaymentGatewayException.class)
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("charge_already_refunded");
    }

    @Test
    void cancelCancelsAnOpenIntentWithTheIdempotencyKey() {
        PaymentSession session = gateway.startPayment(request());

        PaymentCancellation answer = gateway.cancel(session.reference(), "cancel-order");

        assertThat(answer).isEqualTo(new PaymentCancellation.Canceled());
        RecordedRequest sent = stripe.requestsTo("/v1/payment_intents/" + session.reference() + "/cancel")
                .getFirst();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("Idempotency-Key")).contains("cancel-order");
        assertThat(sent.param("cancellation_reason")).contains("abandoned");
        assertThat(stripe.intent(session.reference()).orElseThrow().status()).isEqualTo("canceled");
    }

    @Test
    void cancellingAnIntentThatSucceededMeanwhileAnswersWhatWasCaptured() {
        PaymentSession session = gateway.startPayment(request());
        stripe.intentStatus(session.reference(), "succeeded");

        PaymentCancellation answer = gateway.cancel(session.reference(), "cancel-order");

        assertThat(answer).isEqualTo(new PaymentCancellation.AlreadySucceeded(Money.ofCents(4_250), EUR));
        assertThat(stripe.intent(session.reference()).orElseThrow().status()).isEqualTo("succeeded");
    }

    @Test
    void cancellingTwiceAnswersCanceledAgainAndAProcessingIntentIsNotYetDecided() {
        PaymentSession first = gateway.startPayment(request());
        gateway.cancel(first.reference(), "cancel-1");
        PaymentSession second = gateway.startPayment(request());
        stripe.intentStatus(second.reference(), "processing");

        assertThat(gateway.cancel(first.reference(), "cancel-1-again")).isEqualTo(new PaymentCancellation.Canceled());
        assertThat(gateway.cancel(second.reference(), "cancel-2")).isEqualTo(new PaymentCancellation.StillProcessing());
    }

    @Test
    void aCancelStripeCannotAnswerIsAGatewayFailure() {
        PaymentSession session = gateway.startPayment(request());
        stripe.answerEveryRequest(Answer.serverError());

        assertThatThrownBy(() -> gateway.cancel(session.reference(), "cancel-order"))
                .isInstanceOf(PaymentGatewayException.class)
                .hasMessageContaining("cancel");
    }

    private static PaymentRequest request() {
        OrderId orderId = new OrderId(UUID.randomUUID());
        return new PaymentRequest(orderId, Money.ofCents(4_250), EUR, "order-" + orderId);
    }

    @Test
    void theProviderIsStripe() {
        assertThat(gateway.provider()).isEqualTo("stripe");
    }

    @Test
    void aMissingKeyIsRefusedAtConstruction() {
        assertThatThrownBy(() -> StripePaymentGateway.create(" ", Optional.empty(), Duration.ofSeconds(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static PaymentRequest request(long cents) {
        OrderId orderId = new OrderId(UUID.randomUUID());
        return new PaymentRequest(orderId, Money.ofCents(cents), EUR, "order-" + orderId);
    }
}
