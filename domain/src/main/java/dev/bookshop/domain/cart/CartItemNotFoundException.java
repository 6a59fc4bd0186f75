package dev.bookshop.domain.cart;

import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** Refused because the book named is not in the cart. */
public final class CartItemNotFoundException extends DomainException {

    public CartItemNotFoundException(ProductId productId) {
        super("book " + productId + " is not in the cart");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.CART_ITEM_NOT_FOUND;
    }
}
