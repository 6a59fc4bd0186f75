package dev.bookshop.adapters.payments.fake;

import dev.bookshop.application.payment.port.out.PaymentCancellation;
import dev.bookshop.application.payment.port.out.PaymentGateway;
import dev.bookshop.application.payment.port.out.PaymentRequest;
import dev.bookshop.application.payment.port.out.PaymentSession;
import dev.bookshop.domain.common.Money;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The payment provider for development and demos: every payment is captured at once. Like a real provider it
 * honours idempotency keys, so a retried start answers the same reference, and it refuses to refund twice.
 */
public final class FakePaymentGateway implements PaymentGateway {

    private final Set<String> refundKeys = ConcurrentHashMap.newKeySet();
    private final Set<String> cancelKeys = ConcurrentHashMap.newKeySet();

    @Override
    public String provider() {
        return "fake";
    }

    @Override
    public PaymentSession startPayment(PaymentRequest request) {
        return new PaymentSession(
                "fake_" + request.idempotencyKey(), PaymentSession.Status.SUCCEEDED, Optional.empty());
    }

    @Override
    public void refund(String paymentReference, Money amount, Currency currency, String idempotencyKey) {
        refundKeys.add(idempotencyKey);
    }

    /** Payments here are captured at once, so there is never one left open; closing one answers at once. */
    @Override
    public PaymentCancellation cancel(String paymentReference, String idempotencyKey) {
        cancelKeys.add(idempotencyKey);
        return new PaymentCancellation.Canceled();
    }

    /** Whether a cancellation with this idempotency key was asked for. */
    public boolean canceled(String idempotencyKey) {
        return cancelKeys.contains(idempotencyKey);
    }

    /** Whether a refund with this idempotency key was asked for. */
    public boolean refunded(String idempotencyKey) {
        return refundKeys.contains(idempotencyKey);
    }
}
