package dev.bookshop.domain.shipping;

import java.util.Objects;
import java.util.UUID;

/** Identifies one shipping method. */
public record ShippingMethodId(UUID value) {
    public ShippingMethodId {
        Objects.requireNonNull(value, "shipping method id");
    }

    public static ShippingMethodId of(UUID value) {
        return new ShippingMethodId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
