package dev.bookshop.domain.order;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;
import java.util.Objects;

/**
 * A discount code that takes nothing off this checkout, with the reason a client can show: {@code unknown},
 * {@code inactive}, {@code not_started}, {@code ended}, {@code below_minimum}, {@code used_up},
 * {@code used_up_for_customer}.
 */
public final class DiscountInvalidException extends DomainException {

    public static final String UNKNOWN = "unknown";

    private final String reason;

    public DiscountInvalidException(String reason) {
        super("the discount code is not valid: " + reason);
        this.reason = Objects.requireNonNull(reason);
    }

    public String reason() {
        return reason;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.DISCOUNT_INVALID;
    }
}
