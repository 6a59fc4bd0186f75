package dev.bookshop.application.cart.port.in;

import dev.bookshop.domain.user.UserId;

/** The caller's cart; an empty one when they have none. */
public interface GetCartUseCase {
    CartView getCart(UserId userId);
}
