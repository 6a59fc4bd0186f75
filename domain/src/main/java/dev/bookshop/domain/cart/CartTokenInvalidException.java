package dev.bookshop.domain.cart;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/**
 * A guest cart token that names no live cart: never issued, forged, already merged into an account, or idle past its
 * lifetime. Callers learn no more than that, so a guess tells nothing about which carts exist.
 */
public final class CartTokenInvalidException extends DomainException {

    public CartTokenInvalidException() {
        super("the cart token is invalid or has expired; start a new cart with POST /carts");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.CART_TOKEN_INVALID;
    }
}
