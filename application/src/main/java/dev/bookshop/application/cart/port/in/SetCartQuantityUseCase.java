package dev.bookshop.application.cart.port.in;

import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.user.UserId;

/**
 * Sets how many copies of a book the caller's cart holds. Zero removes the line ({@code CART_ITEM_NOT_FOUND} when
 * there is none); more is refused like an add: {@code PRODUCT_NOT_FOUND}, {@code QUANTITY_LIMIT_EXCEEDED},
 * {@code INSUFFICIENT_STOCK}; a negative quantity is {@code VALIDATION_FAILED}.
 */
public interface SetCartQuantityUseCase {
    CartView setCartQuantity(UserId userId, ProductId productId, int quantity);
}
