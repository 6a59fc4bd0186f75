package dev.bookshop.domain.catalog;

import java.util.Objects;
import java.util.UUID;

/** Identifies one product. */
public record ProductId(UUID value) {
    public ProductId {
        Objects.requireNonNull(value, "product id");
    }

    public static ProductId of(UUID value) {
        return new ProductId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
