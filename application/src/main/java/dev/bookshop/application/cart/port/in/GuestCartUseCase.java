package dev.bookshop.application.cart.port.in;

import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Quantity;
import java.util.Optional;

/**
 * A cart for someone not signed in, named by the token {@link #startGuestCart} handed out. Each call is one use of
 * the cart and keeps it alive; a token that names no live cart (never issued, merged into an account, idle too long)
 * is refused with {@code CART_TOKEN_INVALID}. The lines obey the same rules, and refusals, as an account's cart.
 */
public interface GuestCartUseCase {

    NewGuestCart startGuestCart();

    CartView guestCart(String cartToken);

    CartView addToGuestCart(String cartToken, ProductId productId, Quantity quantity);

    CartView removeFromGuestCart(String cartToken, ProductId productId, Optional<Quantity> quantity);

    /** As {@link SetCartQuantityUseCase}. */
    CartView setGuestCartQuantity(String cartToken, ProductId productId, int quantity);
}
