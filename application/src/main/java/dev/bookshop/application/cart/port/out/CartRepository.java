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

    /** Removes the cart and its lines; nothing happens when there is none. */
    void delete(UserId owner);
}
