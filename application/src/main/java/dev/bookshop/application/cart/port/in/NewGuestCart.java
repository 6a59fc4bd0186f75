package dev.bookshop.application.cart.port.in;

import java.util.Objects;

/**
 * A guest cart just started.
 *
 * @param cartToken the secret that names the cart from now on: shown this once, never stored
 */
public record NewGuestCart(String cartToken, CartView cart) {
    public NewGuestCart {
        Objects.requireNonNull(cartToken);
        Objects.requireNonNull(cart);
    }

    @Override
    public String toString() {
        return "NewGuestCart[cartToken=…]";
    }
}
