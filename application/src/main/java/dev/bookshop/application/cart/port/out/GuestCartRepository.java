package dev.bookshop.application.cart.port.out;

import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.cart.GuestCart;
import java.time.Instant;
import java.util.Optional;

/** Guest carts, found by the hash of their token: the raw token is never stored. */
public interface GuestCartRepository {

    /** Stores a new cart; its token hash must be new. */
    void insert(GuestCart cart);

    /**
     * The cart, held locked until the transaction ends: every use starts here, so concurrent uses of one token are
     * serialised, and a merge that deletes the cart makes every use waiting behind it find nothing.
     */
    Optional<GuestCart> findForUpdate(TokenHash token);

    /** Replaces the stored lines and times with the cart's. */
    void save(GuestCart cart);

    /** The discount code the guest cart has applied; empty when none or there is no such cart. */
    Optional<String> discountCode(TokenHash token);

    /** Stores the code the guest cart applies (empty removes it); saving the lines keeps it. */
    void setDiscountCode(TokenHash token, Optional<String> code);

    /** Deletes the cart and its lines; answers whether there was one. */
    boolean delete(TokenHash token);

    /**
     * Deletes up to {@code limit} carts last used at or before {@code lastUsedBefore}, with their lines; answers how
     * many. Rows another transaction holds locked are skipped and left for a later call, so concurrent purges never
     * wait on each other nor on a shopper using their cart.
     */
    int deleteIdleBefore(Instant lastUsedBefore, int limit);
}
