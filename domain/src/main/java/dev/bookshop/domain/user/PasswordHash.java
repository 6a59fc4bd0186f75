package dev.bookshop.domain.user;

import java.util.Objects;

/** A one-way password hash in the hasher's own encoding (bcrypt's modular crypt format). Never printed. */
public record PasswordHash(String value) {
    public PasswordHash {
        Objects.requireNonNull(value, "password hash");
    }

    @Override
    public String toString() {
        return "PasswordHash[***]";
    }
}
