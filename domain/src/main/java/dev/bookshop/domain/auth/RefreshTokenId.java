package dev.bookshop.domain.auth;

import java.util.Objects;
import java.util.UUID;

/** Identifies one refresh-token. */
public record RefreshTokenId(UUID value) {
    public RefreshTokenId {
        Objects.requireNonNull(value, "refresh-token id");
    }

    public static RefreshTokenId of(UUID value) {
        return new RefreshTokenId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
