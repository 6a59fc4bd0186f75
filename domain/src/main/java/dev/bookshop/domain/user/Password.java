package dev.bookshop.domain.user;

import dev.bookshop.domain.common.InvalidValueException;
import java.nio.charset.StandardCharsets;

/** A password as typed: 8 to 72 bytes of UTF-8 (bcrypt reads no further). Never printed. */
public final class Password {

    public static final int MIN_BYTES = 8;
    public static final int MAX_BYTES = 72;

    private final String value;

    private Password(String value) {
        this.value = value;
    }

    /** A password chosen now: the length rules apply. */
    public static Password chosen(String raw) {
        if (raw == null) {
            throw new InvalidValueException("password is required");
        }
        int bytes = raw.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES) {
            throw new InvalidValueException("password must be at least " + MIN_BYTES + " characters");
        }
        if (bytes > MAX_BYTES) {
            throw new InvalidValueException("password must be at most " + MAX_BYTES + " bytes");
        }
        return new Password(raw);
    }

    /** A password offered at login: any string is checked against the hash, so rules never leak what exists. */
    public static Password offered(String raw) {
        if (raw == null) {
            throw new InvalidValueException("password is required");
        }
        return new Password(raw);
    }

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "Password[***]";
    }
}
