package dev.bookshop.domain.common;

import java.util.Optional;

/** Checks for the free-text fields of the domain: trimmed, non-blank where required, bounded in length. */
public final class Text {
    private Text() {}

    public static String required(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(what + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidValueException(what + " must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    public static Optional<String> optional(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(required(value, what, maxLength));
    }
}
