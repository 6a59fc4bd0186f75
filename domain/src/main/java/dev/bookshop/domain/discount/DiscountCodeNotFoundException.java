package dev.bookshop.domain.discount;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** An admin named a discount code id the shop does not have. */
public final class DiscountCodeNotFoundException extends DomainException {

    public DiscountCodeNotFoundException(DiscountCodeId id) {
        super("no discount code " + id);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.DISCOUNT_CODE_NOT_FOUND;
    }
}
