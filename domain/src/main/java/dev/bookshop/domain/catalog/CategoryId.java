package dev.bookshop.domain.catalog;

import java.util.Objects;
import java.util.UUID;

/** Identifies one category. */
public record CategoryId(UUID value) {
    public CategoryId {
        Objects.requireNonNull(value, "category id");
    }

    public static CategoryId of(UUID value) {
        return new CategoryId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
