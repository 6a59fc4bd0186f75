package dev.bookshop.domain.order;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** No such order, or it belongs to someone else: the two are deliberately indistinguishable. */
public final class OrderNotFoundException extends DomainException {

    public OrderNotFoundException(OrderId orderId) {
        super("no such order: " + orderId);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.ORDER_NOT_FOUND;
    }
}
