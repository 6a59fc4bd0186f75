package dev.bookshop.application.payment.port.out;

import dev.bookshop.domain.common.Money;
import java.util.Currency;

/**
 * The card payment provider. Called only outside database transactions. Every call carries an idempotency key
 * derived from the order, so a retried call never charges twice. Failures and timeouts throw
 * {@link PaymentGatewayException}.
 */
public interface PaymentGateway {

    /** The provider's name as clients see it ({@code fake}, {@code stripe}). */
    String provider();

    PaymentSession startPayment(PaymentRequest request);

    /** Gives a captured payment back (the amount given, which is what was captured). */
    void refund(String paymentReference, Money amount, Currency currency, String idempotencyKey);

    /**
     * Closes a payment that is still open, so the customer can no longer pay it. A payment that succeeded meanwhile
     * cannot be closed: the answer then says so, with what was captured. Cancelling a payment cancelled before
     * answers {@link PaymentCancellation.Canceled} again.
     */
    PaymentCancellation cancel(String paymentReference, String idempotencyKey);
}
