package dev.bookshop.domain.address;

import java.util.Objects;
import java.util.UUID;

/** Identifies one saved address. */
public record AddressId(UUID value) {
    public AddressId {
        Objects.requireNonNull(value, "address id");
    }

    public static AddressId of(UUID value) {
        return new AddressId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
