package dev.bookshop.domain.catalog;

import java.util.Objects;

/** One book that cannot be supplied in the quantity asked. */
public record StockShortage(ProductId productId, int requested, int available) {
    public StockShortage {
        Objects.requireNonNull(productId);
    }
}
