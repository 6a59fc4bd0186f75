package dev.bookshop.adapters.persistence.contract.usecases;

import dev.bookshop.application.payment.port.out.PaymentCancellation;
import dev.bookshop.application.payment.port.out.PaymentGateway;
import dev.bookshop.application.payment.port.out.PaymentGatewayException;
import dev.bookshop.application.payment.port.out.PaymentRequest;
import dev.bookshop.application.payment.port.out.PaymentSession;
import dev.bookshop.domain.common.Money;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A payment provider whose next answers the test chooses, recording every call it gets. */
public final class ScriptedPaymentGateway implements PaymentGateway {

    public enum Mode {
        APPROVE,
        AWAIT_CUSTOMER,
        DECLINE,
        DOWN
    }

    private volatile Mode mode = Mode.APPROVE;
    private final List<PaymentRequest> starts = new CopyOnWriteArrayList<>();
    private final List<String> refunds = new CopyOnWriteArrayList<>();
    private final List<String> cancels = new CopyOnWriteArrayList<>();
    private final Map<String, PaymentCancellation.AlreadySucceeded> succeededBeforeCancel = new ConcurrentHashMap<>();

    public void answer(Mode next) {
        this.mode = next;
    }

    @Override
    public String provider() {
        return "scripted";
    }

    @Override
    public PaymentSession startPayment(PaymentRequest request) {
        starts.add(request);
        String reference = "pi_" + request.idempotencyKey();
        return switch (mode) {
            case APPROVE -> new PaymentSession(reference, PaymentSession.Status.SUCCEEDED, Optional.empty());
            case AWAIT_CUSTOMER ->
                new PaymentSession(reference, PaymentSession.Status.PENDING, Optional.of(reference + "_secret"));
            case DECLINE -> new PaymentSession(reference, PaymentSession.Status.FAILED, Optional.empty());
            case DOWN -> throw new PaymentGatewayException("provider unreachable", null);
        };
    }

    @Override
    public void refund(String paymentReference, Money amount, Currency currency, String idempotencyKey) {
        if (mode == Mode.DOWN) {
            throw new PaymentGatewayException("provider unreachable", null);
        }
        refunds.add(paymentReference);
    }

    /**
     * Closes the payment, unless the test said it succeeded first ({@link #succeedBeforeCancel}) or the provider is
     * down; records every call.
     */
    @Override
    public PaymentCancellation cancel(String paymentReference, String idempotencyKey) {
        cancels.add(paymentReference);
        if (mode == Mode.DOWN) {
            throw new PaymentGatewayException("provider unreachable", null);
        }
        PaymentCancellation.AlreadySucceeded succeeded = succeededBeforeCancel.get(paymentReference);
        return succeeded != null ? succeeded : new PaymentCancellation.Canceled();
    }

    /** From now on, closing this payment answers that it had succeeded with this amount. */
    public void succeedBeforeCancel(String paymentReference, Money amount, Currency currency) {
        succeededBeforeCancel.put(paymentReference, new PaymentCancellation.AlreadySucceeded(amount, currency));
    }

    public List<String> cancels() {
        return cancels;
    }

    public List<PaymentRequest> starts() {
        return starts;
    }

    public List<String> refunds() {
        return refunds;
    }
}
