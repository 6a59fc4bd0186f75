package dev.bookshop.adapters.payments.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import dev.bookshop.application.payment.port.out.PaymentCancellation;
import dev.bookshop.application.payment.port.out.PaymentGateway;
import dev.bookshop.application.payment.port.out.PaymentGatewayException;
import dev.bookshop.application.payment.port.out.PaymentRequest;
import dev.bookshop.application.payment.port.out.PaymentSession;
import dev.bookshop.domain.common.Money;
import java.time.Duration;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Card payments through Stripe: checkout creates a PaymentIntent that the customer confirms in the frontend with its
 * client secret (a declined card may be retried with the same secret); the outcome arrives later as a webhook (see
 * {@link StripeWebhooks}). An intent nobody paid in time is cancelled, so it cannot be paid after its stock went back.
 *
 * <p>Every call carries the caller's idempotency key, so a retry (ours, stripe-java's, or a customer's repeated
 * checkout) answers the same PaymentIntent instead of charging twice.
 */
public final class StripePaymentGateway implements PaymentGateway {

    /**
     * One automatic retry. It is safe because stripe-java resends the same {@code Idempotency-Key}, and it matters:
     * checkout fails the order (and gives its stock back) when the provider call fails, so a single dropped
     * connection would otherwise cost the customer their order. More than one would keep the customer's checkout
     * request waiting for several timeouts in a row.
     */
    public static final int MAX_NETWORK_RETRIES = 1;

    /** Stripe's error code for an operation the intent's status does not allow, such as cancelling a paid one. */
    static final String UNEXPECTED_STATE = "payment_intent_unexpected_state";

    private final StripeClient stripe;

    /** Uses a client configured elsewhere (API key, base URL, timeouts); never the global {@code Stripe.apiKey}. */
    public StripePaymentGateway(StripeClient stripe) {
        this.stripe = Objects.requireNonNull(stripe, "stripe client");
    }

    /**
     * A gateway with its own client.
     *
     * @param apiKey the secret API key ({@code sk_live_…}, {@code sk_test_…})
     * @param apiBase another API base URL than Stripe's (a local fake server in tests), or empty
     * @param timeout how long to wait for a connection and, separately, for an answer
     */
    public static StripePaymentGateway create(String apiKey, Optional<String> apiBase, Duration timeout) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("a Stripe API key is required");
        }
        int millis = Math.toIntExact(timeout.toMillis());
        if (millis <= 0) {
            throw new IllegalArgumentException("the Stripe timeout must be positive");
        }
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(apiKey)
                .setConnectTimeout(millis)
                .setReadTimeout(millis)
                .setMaxNetworkRetries(MAX_NETWORK_RETRIES);
        apiBase.map(StripePaymentGateway::withoutTrailingSlash).ifPresent(builder::setApiBase);
        return new StripePaymentGateway(builder.build());
    }

    @Override
    public String provider() {
        return "stripe";
    }

    @Override
    public PaymentSession startPayment(PaymentRequest request) {
        PaymentIntentCreateParams params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount().cents())
                .setCurrency(stripeCurrency(request.currency()))
                .putMetadata("orderId", request.orderId().toString())
                .setAutomaticPaymentMethods(PaymentIntentCreateParams.AutomaticPaymentMethods.builder()
                        .setEnabled(true)
                        .build())
                .build();
        PaymentIntent intent;
        try {
            intent = stripe.v1().paymentIntents().create(params, idempotent(request.idempotencyKey()));
        } catch (StripeException e) {
            throw failure("payment start", e);
        }
        if (intent == null || intent.getId() == null) {
            throw new PaymentGatewayException("Stripe payment start answered no PaymentIntent id", null);
        }
        return new PaymentSession(
                intent.getId(), status(intent.getStatus()), Optional.ofNullable(intent.getClientSecret()));
    }

    @Override
    public void refund(String paymentReference, Money amount, Currency currency, String idempotencyKey) {
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(paymentReference)
                .setAmount(amount.cents())
                .build();
        try {
            stripe.v1().refunds().create(params, idempotent(idempotencyKey));
        } catch (StripeException e) {
            throw failure("refund", e);
        }
    }

    /**
     * Cancels the PaymentIntent, so the customer's client secret can no longer pay it. Stripe refuses to cancel an
     * intent that succeeded, was cancelled already or is processing ({@code payment_intent_unexpected_state}); the
     * intent is then read to tell which.
     */
    @Override
    public PaymentCancellation cancel(String paymentReference, String idempotencyKey) {
        PaymentIntentCancelParams params = PaymentIntentCancelParams.builder()
                .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
                .build();
        PaymentIntent intent;
        try {
            intent = stripe.v1().paymentIntents().cancel(paymentReference, params, idempotent(idempotencyKey));
        } catch (InvalidRequestException e) {
            if (!UNEXPECTED_STATE.equals(e.getCode())) {
                throw failure("cancel", e);
            }
            try {
                intent = stripe.v1().paymentIntents().retrieve(paymentReference);
            } catch (StripeException again) {
                throw failure("cancel (reading the intent)", again);
            }
        } catch (StripeException e) {
            throw failure("cancel", e);
        }
        if (intent == null) {
            throw new PaymentGatewayException("Stripe cancel answered no PaymentIntent", null);
        }
        return cancellation(intent.getStatus(), intent.getAmountReceived(), intent.getCurrency());
    }

    /** What an intent's status says about closing it; anything but cancelled or succeeded is still on its way. */
    static PaymentCancellation cancellation(String stripeStatus, Long amountReceived, String currency) {
        if ("canceled".equals(stripeStatus)) {
            return new PaymentCancellation.Canceled();
        }
        if ("succeeded".equals(stripeStatus)) {
            return new PaymentCancellation.AlreadySucceeded(
                    Money.ofCents(amountReceived == null ? 0 : amountReceived),
                    Currency.getInstance(currency.toUpperCase(Locale.ROOT)));
        }
        return new PaymentCancellation.StillProcessing();
    }

    /** Stripe's PaymentIntent status as the use cases know it; everything still open is PENDING. */
    static PaymentSession.Status status(String stripeStatus) {
        if (stripeStatus == null) {
            return PaymentSession.Status.PENDING;
        }
        return switch (stripeStatus) {
            case "succeeded" -> PaymentSession.Status.SUCCEEDED;
            case "canceled" -> PaymentSession.Status.FAILED;
            default -> PaymentSession.Status.PENDING;
        };
    }

    static String stripeCurrency(Currency currency) {
        return currency.getCurrencyCode().toLowerCase(Locale.ROOT);
    }

    private static RequestOptions idempotent(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    /**
     * Builds a message from Stripe's error identifiers only. Its free-text messages are left out: they can quote
     * request parameters, and this message ends up in logs, order history and the checkout's error answer.
     */
    static PaymentGatewayException failure(String action, StripeException e) {
        StringBuilder message = new StringBuilder("Stripe ").append(action).append(" failed: ");
        if (e instanceof ApiConnectionException) {
            message.append("no answer (connection failed or timed out)");
        } else {
            message.append(e.getStatusCode() == null ? "error" : "HTTP " + e.getStatusCode());
            if (e.getStripeError() != null && e.getStripeError().getType() != null) {
                message.append(", type ").append(e.getStripeError().getType());
            }
            if (e.getCode() != null) {
                message.append(", code ").append(e.getCode());
            }
            if (e instanceof CardException card && card.getDeclineCode() != null) {
                message.append(", decline ").append(card.getDeclineCode());
            }
        }
        if (e.getRequestId() != null) {
            message.append(" (request ").append(e.getRequestId()).append(')');
        }
        return new PaymentGatewayException(message.toString(), e);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
