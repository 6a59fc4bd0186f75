package dev.bookshop.application.cart.service;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Quantity;

/** The quantity a line may be set to: zero (the line goes) up to the largest quantity there is. */
final class CartQuantity {

    private CartQuantity() {}

    static void requireValid(int quantity) {
        if (quantity < 0) {
            throw new InvalidValueException("quantity", "quantity must be at least 0");
        }
        if (quantity > Quantity.MAX) {
            throw new InvalidValueException("quantity", "quantity must be at most " + Quantity.MAX);
        }
    }
}
