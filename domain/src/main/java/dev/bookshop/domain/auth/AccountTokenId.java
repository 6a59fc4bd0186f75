package dev.bookshop.domain.auth;

import java.util.Objects;
import java.util.UUID;

/** Identifies one account token. */
public record AccountTokenId(UUID value) {
    public AccountTokenId {
        Objects.requireNonNull(value, "account token id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
