package dev.bookshop.domain.discount;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** Refused because another discount code already reads the same, ignoring case. */
public final class DiscountCodeTakenException extends DomainException {

    public DiscountCodeTakenException(String code) {
        super("a discount code " + code + " already exists");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.DISCOUNT_CODE_TAKEN;
    }
}
