package dev.bookshop.domain.common;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks for the free-text fields of the domain: trimmed, non-blank where required, bounded in length. {@code what}
 * is the field's name, and a refusal names that field.
 */
public final class Text {

    /** Control characters other than tab and line breaks: never meant as text, and PostgreSQL refuses NUL outright. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private Text() {}

    /** Whether the text holds a character no text field accepts. */
    public static boolean hasControlCharacters(String value) {
        return value != null && CONTROL.matcher(value).find();
    }

    public static String required(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(what, what + " must not be blank");
        }
        String trimmed = value.strip();
        if (CONTROL.matcher(trimmed).find()) {
            throw new InvalidValueException(what, what + " must not contain control characters");
        }
        if (trimmed.length() > maxLength) {
            throw new InvalidValueException(what, what + " must be at most " + maxLength + " characters");
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
