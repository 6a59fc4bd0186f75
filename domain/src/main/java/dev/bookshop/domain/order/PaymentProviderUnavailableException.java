package dev.bookshop.domain.order;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** The payment provider failed or timed out; the order was failed and its stock returned. */
public final class PaymentProviderUnavailableException extends DomainException {

    public PaymentProviderUnavailableException(String reason) {
        super("the payment provider could not be reached: " + reason);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE;
    }
}
