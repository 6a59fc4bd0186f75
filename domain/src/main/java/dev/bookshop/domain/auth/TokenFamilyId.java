package dev.bookshop.domain.auth;

import java.util.Objects;
import java.util.UUID;

/** Identifies one token-family. */
public record TokenFamilyId(UUID value) {
    public TokenFamilyId {
        Objects.requireNonNull(value, "token-family id");
    }

    public static TokenFamilyId of(UUID value) {
        return new TokenFamilyId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
