package dev.bookshop.adapters.web.cart;

import dev.bookshop.application.cart.port.in.NewGuestCart;

/** The answer to {@code POST /carts}: the token to send as {@code X-Cart-Token} from now on, and the empty cart. */
public record NewGuestCartView(String cartToken, CartView cart) {

    static NewGuestCartView of(NewGuestCart started) {
        return new NewGuestCartView(started.cartToken(), CartView.of(started.cart()));
    }
}
