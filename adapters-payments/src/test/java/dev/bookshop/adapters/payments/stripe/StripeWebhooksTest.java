package dev.bookshop.adapters.payments.stripe;

import static dev.bookshop.adapters.payments.stripe.testing.StripeEventPayloads.OLD_API_VERSION;
import static dev.bookshop.adapters.payments.stripe.testing.StripeEventPayloads.otherEvent;
import static dev.bookshop.adapters.payments.stripe.testing.StripeEventPayloads.paymentIntentEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.Stripe;
import com.stripe.model.Event;
import com.stripe.net.Webhook;
import dev.bookshop.adapters.payments.stripe.testing.StripeSignatures;
import dev.bookshop.application.payment.port.in.PaymentEvent;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.order.OrderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook deliveries signed exactly as Stripe signs them, read into payment events; anything else refused. */
class StripeWebhooksTest {

    private static final String SECRET = "whsec_bookshop_test_secret";
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");

    private final StripeWebhooks webhooks =
            new StripeWebhooks(SECRET, StripeWebhooks.DEFAULT_TOLERANCE, Clock.fixed(NOW, ZoneOffset.UTC));
    private final OrderId orderId = new OrderId(UUID.randomUUID());

    @Test
    void aSucceededIntentReportsTheAmountReceivedAndTheOrder() {
        String payload =
                paymentIntentEvent("evt_1", "payment_intent.succeeded", "pi_1", 4_250, "eur", orderId.toString());

        PaymentEvent event = webhooks.verify(payload, StripeSignatures.sign(payload, SECRET, NOW));

        assertThat(event)
                .isEqualTo(new PaymentEvent(
                        "stripe",
                        "evt_1",
                        PaymentEvent.Type.SUCCEEDED,
                        "pi_1",
                        Optional.of(orderId),
                        Money.ofCents(4_250),
                        EUR));
    }

    @Test
    void aFailedPaymentReportsTheIntendedAmount() {
        String payload =
                paymentIntentEvent("evt_2", "payment_intent.payment_failed", "pi_2", 1_999, "eur", orderId.toString());

        PaymentEvent event = webhooks.verify(payload, StripeSignatures.sign(payload, SECRET, NOW));

        assertThat(event.type()).isEqualTo(PaymentEvent.Type.FAILED);
        assertThat(event.paymentReference()).isEqualTo("pi_2");
        assertThat(event.amount()).isEqualTo(Money.ofCents(1_999));
        assertThat(event.orderId()).contains(orderId);
    }

    @Test
    void aCanceledIntentIsCanceled() {
        String payload = paymentIntentEvent("evt_3", "payment_intent.canceled", "pi_3", 500, "usd", orderId.toString());

        PaymentEvent event = webhooks.verify(payload, StripeSignatures.sign(payload, SECRET, NOW));

        assertThat(event.type()).isEqualTo(PaymentEvent.Type.CANCELED);
        assertThat(event.currency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(event.eventId()).isEqualTo("evt_3");
    }

    @Test
    void anEventInStripeJavasOwnApiVersionIsReadTheTypedWay() {
        String payload = paymentIntentEvent(
                "evt_4", "payment_intent.succeeded", "pi_4", 800, "eur", orderId.toString(), Stripe.API_VERSION);

        PaymentEvent event = webhooks.verify(payload, StripeSignatures.sign(payload, SECRET, NOW));

        assertThat(event.paymentReference()).isEqualTo("pi_4");
        assertThat(event.amount()).isEqualTo(Money.ofCents(800));
        assertThat(event.currency()).isEqualTo(EUR);
        assertThat(event.orderId()).contains(orderId);
    }

    /** Guards the premise of the raw-JSON fallback: without it, the events above would lose their intent. */
    @Test
    void stripeJavaGivesNoTypedObjectForAnotherApiVersion() throws Exception {
        String payload = paymentIntentEvent(
                "evt_4b", "payment_intent.succeeded", "pi_4b", 800, "eur", orderId.toString(), OLD_API_VERSION);

        Event event = Webhook.constructEvent(
                payload,
                StripeSignatures.sign(payload, SECRET, NOW),
                SECRET,
                StripeWebhooks.DEFAULT_TOLERANCE.toSeconds(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(event.getDataObjectDeserializer().getObject()).isEmpty();
    }

    @Test
    void anOtherPaymentIntentEventIsOtherButStillNamesItsIntent() {
        String payload = paymentIntentEvent("evt_5", "payment_intent.created", "pi_5", 800, "eur", orderId.toString());

        PaymentEvent event = webhooks.verify(payload, StripeSignatures.sign(payload, SECRET, NOW));

        assertThat(event.type()).isEqualTo(PaymentEvent.Type.OTHER);
        assertThat(event.paymentReference()).isEqualTo("pi_5");
    }

    @Test
    void anEventAboutSomethingElseHasNoIntentAndNoAmount() {
        String payload = otherEvent("evt_6", "customer.created");

        PaymentEvent event = webhooks.verify(payload, StripeSignatures.sign(payload, SECRET, NOW));

        assertThat(event.type()).isEqualTo(PaymentEvent.Type.OTHER);
        assertThat(event.eventId()).isEqualTo("evt_6");
        assertThat(event.paymentReference()).isEmpty();
        assertThat(event.amount()).isEqualTo(Money.ZERO);
        assertThat(event.orderId()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-2-3-4-5", " "})
    void aMalformedOrderIdIsNoOrderId(String badOrderId) {
        String payload = paymentIntentEvent("evt_7", "payment_intent.succeeded", "pi_7", 100, "eur", badOrderId);

        PaymentEvent event = webhooks.verify(payload, StripeSignatures.sign(payload, SECRET, NOW));

        assertThat(event.orderId()).isEmpty();
        assertThat(event.paymentReference()).isEqualTo("pi_7");
    }

    @Test
    void anIntentWithoutOrderIdHasNoOrderId() {
        String payload = paymentIntentEvent("evt_8", "payment_intent.succeeded", "pi_8", 100, "eur", null);

        assertThat(webhooks.verify(payload, StripeSignatures.sign(payload, SECRET, NOW))
                        .orderId())
                .isEmpty();
    }

    @Test
    void aSignatureWithinTheToleranceIsAccepted() {
        String payload = otherEvent("evt_9", "charge.updated");
        Instant signedAt = NOW.minus(StripeWebhooks.DEFAULT_TOLERANCE).plusSeconds(5);

        assertThat(webhooks.verify(payload, StripeSignatures.sign(payload, SECRET, signedAt))
                        .eventId())
                .isEqualTo("evt_9");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"a\":\"\\uZZZZ\"}",
                "{\"id\":\"evt_1\",\"created\":1e999999}",
                "[1,2",
                "not json",
                "",
                "null",
                "[]",
                "42"
            })
    void aSignedPayloadThatIsNotAStripeEventIsRefusedNotThrown(String payload) {
        String signature = StripeSignatures.sign(payload, SECRET, NOW);

        assertThatThrownBy(() -> webhooks.verify(payload, signature)).isInstanceOf(WebhookSignatureException.class);
    }

    @Test
    void aDeeplyNestedPayloadIsRefusedBeforeStripeJavaReadsItIntoATree() {
        // Found by a long fuzz run: 100,000 brackets overflowed the stack inside stripe-java (a 500 with no body).
        String payload = "{\"id\":\"evt_deep\",\"data\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        String signature = StripeSignatures.sign(payload, SECRET, NOW);

        assertThatThrownBy(() -> webhooks.verify(payload, signature)).isInstanceOf(WebhookSignatureException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":\"\\uZZZZ\"}", "not json", "null"})
    void aWronglySignedPayloadIsRefusedForItsSignatureWithoutBeingParsed(String payload) {
        // Each of these makes the parser throw; that the signature is what gets reported shows it was never parsed.
        String signature = StripeSignatures.sign(payload, "whsec_other", NOW);

        assertThatThrownBy(() -> webhooks.verify(payload, signature))
                .isInstanceOf(WebhookSignatureException.class)
                .hasMessageStartingWith("invalid Stripe-Signature");
    }

    @Test
    void anUnsignedDeeplyNestedPayloadIsRefusedForItsSignature() {
        String payload = "[".repeat(500_000) + "]".repeat(500_000);
        String signature = StripeSignatures.sign(payload, "whsec_other", NOW);

        assertThatThrownBy(() -> webhooks.verify(payload, signature))
                .isInstanceOf(WebhookSignatureException.class)
                .hasMessageStartingWith("invalid Stripe-Signature");
    }

    @Test
    void nestingIsMeasuredOutsideStrings() {
        String deepInText = "{\"id\":\"evt_1\",\"note\":\"" + "[".repeat(1_000) + "\"}";
        String justDeepEnough = "[".repeat(StripeWebhooks.MAX_NESTING) + "]".repeat(StripeWebhooks.MAX_NESTING);
        String tooDeep = "[".repeat(StripeWebhooks.MAX_NESTING + 1) + "]".repeat(StripeWebhooks.MAX_NESTING + 1);

        assertThat(StripeWebhooks.shallowJson(deepInText)).isTrue();
        assertThat(StripeWebhooks.shallowJson(justDeepEnough)).isTrue();
        assertThat(StripeWebhooks.shallowJson(tooDeep)).isFalse();
        assertThat(StripeWebhooks.shallowJson("{\"a\":")).isFalse();
    }

    @Test
    void aTamperedPayloadIsRefused() {
        String payload =
                paymentIntentEvent("evt_10", "payment_intent.succeeded", "pi_10", 100, "eur", orderId.toString());
        String signature = StripeSignatures.sign(payload, SECRET, NOW);
        String tampered = payload.replace("\"amount_received\": 100", "\"amount_received\": 999999");

        assertThatThrownBy(() -> webhooks.verify(tampered, signature))
                .isInstanceOf(WebhookSignatureException.class)
                .hasMessageContaining("Stripe-Signature");
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        String payload = otherEvent("evt_11", "customer.created");

        assertThatThrownBy(() -> webhooks.verify(payload, StripeSignatures.sign(payload, "whsec_other", NOW)))
                .isInstanceOf(WebhookSignatureException.class)
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aMissingSignatureIsRefused() {
        String payload = otherEvent("evt_12", "customer.created");

        assertThatThrownBy(() -> webhooks.verify(payload, null))
                .isInstanceOf(WebhookSignatureException.class)
                .hasMessage("missing Stripe-Signature header");
        assertThatThrownBy(() -> webhooks.verify(payload, "")).isInstanceOf(WebhookSignatureException.class);
    }

    @Test
    void aMalformedSignatureHeaderIsRefused() {
        String payload = otherEvent("evt_13", "customer.created");

        assertThatThrownBy(() -> webhooks.verify(payload, "garbage")).isInstanceOf(WebhookSignatureException.class);
        assertThatThrownBy(() -> webhooks.verify(payload, "t=" + NOW.getEpochSecond() + ",v0=abc"))
                .isInstanceOf(WebhookSignatureException.class);
    }

    /** Headers stripe-java itself would choke on (NumberFormatException, ArrayIndexOutOfBounds) before refusing. */
    @ParameterizedTest
    @ValueSource(strings = {"t=yesterday,v1=abc", "t=,v1=abc", "t", "t=1767225600,v1", "v1=abc,t=-5", "garbage"})
    void aHeaderStripeJavaCannotParseIsRefusedNotThrown(String header) {
        String payload = otherEvent("evt_13b", "customer.created");

        assertThatThrownBy(() -> webhooks.verify(payload, header))
                .isInstanceOf(WebhookSignatureException.class)
                .hasMessageStartingWith("invalid Stripe-Signature");
    }

    @Test
    void aStaleSignatureIsRefusedAsAReplay() {
        String payload =
                paymentIntentEvent("evt_14", "payment_intent.succeeded", "pi_14", 100, "eur", orderId.toString());
        Instant signedAt = NOW.minus(StripeWebhooks.DEFAULT_TOLERANCE).minusSeconds(1);

        assertThatThrownBy(() -> webhooks.verify(payload, StripeSignatures.sign(payload, SECRET, signedAt)))
                .isInstanceOf(WebhookSignatureException.class)
                .hasMessageContaining("tolerance");
    }

    @Test
    void theSystemClockVerifiesWhatWasSignedJustNow() {
        StripeWebhooks live = new StripeWebhooks(SECRET);
        String payload = otherEvent("evt_15", "customer.created");

        assertThat(live.verify(payload, StripeSignatures.sign(payload, SECRET)).eventId())
                .isEqualTo("evt_15");
    }

    @Test
    void aSignedBodyThatIsNotAnEventIsRefused() {
        String payload = "{\"hello\": \"world\"}";

        assertThatThrownBy(() -> webhooks.verify(payload, StripeSignatures.sign(payload, SECRET, NOW)))
                .isInstanceOf(WebhookSignatureException.class)
                .hasMessage("webhook payload is not a Stripe event");
    }

    @Test
    void aShorterToleranceIsHonoured() {
        StripeWebhooks strict = new StripeWebhooks(SECRET, Duration.ofSeconds(10), Clock.fixed(NOW, ZoneOffset.UTC));
        String payload = otherEvent("evt_16", "customer.created");

        assertThatThrownBy(() -> strict.verify(payload, StripeSignatures.sign(payload, SECRET, NOW.minusSeconds(11))))
                .isInstanceOf(WebhookSignatureException.class);
    }
}
