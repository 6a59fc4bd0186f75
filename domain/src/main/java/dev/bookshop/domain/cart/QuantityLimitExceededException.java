package dev.bookshop.domain.cart;

import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** Refused because a cart line would hold more copies of one book than one customer may reserve. */
public final class QuantityLimitExceededException extends DomainException {

    private final ProductId productId;
    private final int requested;
    private final int limit;

    public QuantityLimitExceededException(ProductId productId, int requested, int limit) {
        super("a cart line holds at most " + limit + " copies; " + requested + " asked for " + productId);
        this.productId = productId;
        this.requested = requested;
        this.limit = limit;
    }

    public ProductId productId() {
        return productId;
    }

    public int requested() {
        return requested;
    }

    public int limit() {
        return limit;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.QUANTITY_LIMIT_EXCEEDED;
    }
}
