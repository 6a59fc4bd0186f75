package dev.bookshop.application.cart.port.in;

import dev.bookshop.domain.cart.CartMergeReport;
import dev.bookshop.domain.user.UserId;

/**
 * Moves a guest's cart into the account that just signed in or up, once: the guest cart is deleted in the same
 * transaction, so of two logins with one token only one merges. Copies add up, capped at the stock and the per-line
 * limit; books no longer on sale are dropped; the answer says what became of each line. A token that names no live
 * cart merges nothing and is no refusal: the sign-in it rides on must not fail over a stale cart.
 */
public interface MergeGuestCartUseCase {
    CartMergeReport mergeGuestCart(UserId userId, String cartToken);
}
