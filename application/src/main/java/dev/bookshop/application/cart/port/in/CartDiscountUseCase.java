package dev.bookshop.application.cart.port.in;

import dev.bookshop.domain.user.UserId;

/**
 * Applying a discount code to the caller's cart. The code is checked against the cart as it is now (refused with
 * {@code DISCOUNT_INVALID} and a reason) and then kept with the cart, replacing one applied before; the cart's view
 * re-checks it every time, and checkout re-checks and redeems it.
 */
public interface CartDiscountUseCase {

    CartView applyDiscount(UserId userId, String code);

    /** Removes the applied code; nothing happens when there is none. */
    CartView removeDiscount(UserId userId);
}
