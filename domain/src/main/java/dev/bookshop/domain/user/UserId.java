package dev.bookshop.domain.user;

import java.util.Objects;
import java.util.UUID;

/** Identifies one user. */
public record UserId(UUID value) {
    public UserId {
        Objects.requireNonNull(value, "user id");
    }

    public static UserId of(UUID value) {
        return new UserId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
