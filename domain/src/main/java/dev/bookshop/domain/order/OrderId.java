package dev.bookshop.domain.order;

import java.util.Objects;
import java.util.UUID;

/** Identifies one order. */
public record OrderId(UUID value) {
    public OrderId {
        Objects.requireNonNull(value, "order id");
    }

    public static OrderId of(UUID value) {
        return new OrderId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
