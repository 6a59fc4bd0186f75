package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** A shelf count refused because orders already hold more copies of the book than were counted. */
public final class StockBelowReservedException extends DomainException {

    private final ProductId productId;
    private final int counted;
    private final int reserved;

    public StockBelowReservedException(ProductId productId, int counted, int reserved) {
        super("counted " + counted + " copies of " + productId + " but orders waiting for payment hold " + reserved);
        this.productId = productId;
        this.counted = counted;
        this.reserved = reserved;
    }

    public ProductId productId() {
        return productId;
    }

    public int counted() {
        return counted;
    }

    public int reserved() {
        return reserved;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.STOCK_BELOW_RESERVED;
    }
}
