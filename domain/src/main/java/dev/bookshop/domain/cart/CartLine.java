package dev.bookshop.domain.cart;

import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Quantity;
import java.util.Objects;

/** One book in a cart and how many copies of it. */
public record CartLine(ProductId productId, Quantity quantity) {
    public CartLine {
        Objects.requireNonNull(productId);
        Objects.requireNonNull(quantity);
    }
}
