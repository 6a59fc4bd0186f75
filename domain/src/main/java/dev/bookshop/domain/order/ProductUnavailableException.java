package dev.bookshop.domain.order;

import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;
import java.util.List;

/** Checkout refused because books in the cart are no longer on sale; lists them. */
public final class ProductUnavailableException extends DomainException {

    private final List<ProductId> productIds;

    public ProductUnavailableException(List<ProductId> productIds) {
        super("no longer on sale: " + productIds);
        this.productIds = List.copyOf(productIds);
    }

    public List<ProductId> productIds() {
        return productIds;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.PRODUCT_UNAVAILABLE;
    }
}
