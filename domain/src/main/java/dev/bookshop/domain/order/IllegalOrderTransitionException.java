package dev.bookshop.domain.order;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** Refused because orders only move from PENDING to PAID or FAILED. */
public final class IllegalOrderTransitionException extends DomainException {

    private final OrderStatus from;
    private final OrderStatus to;

    public IllegalOrderTransitionException(OrderId orderId, OrderStatus from, OrderStatus to) {
        super("order " + orderId + " cannot go from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.ILLEGAL_ORDER_TRANSITION;
    }
}
