package dev.bookshop.domain.order;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** Checkout refused because the cart holds more copies in total than one order may reserve. */
public final class OrderUnitsLimitExceededException extends DomainException {

    private final int units;
    private final int limit;

    public OrderUnitsLimitExceededException(int units, int limit) {
        super("an order holds at most " + limit + " copies; the cart holds " + units);
        this.units = units;
        this.limit = limit;
    }

    public int units() {
        return units;
    }

    public int limit() {
        return limit;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.ORDER_UNITS_LIMIT_EXCEEDED;
    }
}
