package dev.bookshop.domain.order;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** Checkout refused because the customer already has as many unpaid orders holding stock as one customer may. */
public final class TooManyPendingOrdersException extends DomainException {

    private final long pending;
    private final int limit;

    public TooManyPendingOrdersException(long pending, int limit) {
        super("at most " + limit + " unpaid orders per customer; " + pending + " are waiting for payment");
        this.pending = pending;
        this.limit = limit;
    }

    public long pending() {
        return pending;
    }

    public int limit() {
        return limit;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.TOO_MANY_PENDING_ORDERS;
    }
}
