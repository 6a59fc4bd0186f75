package dev.bookshop.application.cart.port.out;

import dev.bookshop.domain.cart.Cart;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** One cart per user. */
public interface CartRepository {

    /**
     * The user's cart, created empty if there is none, held locked until the transaction ends: every change to a
     * cart starts here, so concurrent changes to one cart are serialised and none is lost.
     */
    Cart getForUpdate(UserId owner, Instant now);

    Optional<Cart> find(UserId owner);

    /** Replaces the stored lines and update time with the cart's. */
    void save(Cart cart);

    /** The discount code the cart has applied, as it was stored; empty when none or there is no cart. */
    Optional<String> discountCode(UserId owner);

    /**
     * Stores the code the cart applies (empty removes it); the cart must exist, so call after {@link #getForUpdate}.
     * Saving the cart's lines keeps it; deleting the cart deletes it.
     */
    void setDiscountCode(UserId owner, Optional<String> code);

    /** Removes the cart and its lines; nothing happens when there is none. */
    void delete(UserId owner);
}
