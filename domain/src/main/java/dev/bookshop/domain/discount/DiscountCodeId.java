package dev.bookshop.domain.discount;

import java.util.Objects;
import java.util.UUID;

/** Identifies a discount code independently of its text. */
public record DiscountCodeId(UUID value) {

    public DiscountCodeId {
        Objects.requireNonNull(value, "value");
    }

    public static DiscountCodeId of(UUID value) {
        return new DiscountCodeId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
