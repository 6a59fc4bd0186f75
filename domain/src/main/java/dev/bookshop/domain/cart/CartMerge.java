package dev.bookshop.domain.cart;

import java.util.Objects;

/** An account's cart after a guest's cart was merged into it, and what the merge did. */
public record CartMerge(Cart cart, CartMergeReport report) {
    public CartMerge {
        Objects.requireNonNull(cart);
        Objects.requireNonNull(report);
    }
}
