package dev.bookshop.application.cart.port.in;

import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.user.UserId;

/**
 * Adds copies of a book to the caller's cart, joining an existing line. Refused with {@code PRODUCT_NOT_FOUND} for
 * missing or inactive books and {@code INSUFFICIENT_STOCK} when the line would exceed the stock.
 */
public interface AddToCartUseCase {
    CartView addToCart(UserId userId, ProductId productId, Quantity quantity);
}
