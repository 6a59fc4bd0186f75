package dev.bookshop.application.cart.port.in;

import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.user.UserId;
import java.util.Optional;

/** Removes a line, or some copies of it; {@code CART_ITEM_NOT_FOUND} when the book is not in the cart. */
public interface RemoveFromCartUseCase {
    CartView removeFromCart(UserId userId, ProductId productId, Optional<Quantity> quantity);
}
