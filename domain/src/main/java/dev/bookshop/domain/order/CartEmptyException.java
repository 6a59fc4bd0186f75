package dev.bookshop.domain.order;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** Checkout refused because there is nothing to buy. */
public final class CartEmptyException extends DomainException {

    public CartEmptyException() {
        super("the cart is empty");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.CART_EMPTY;
    }
}
