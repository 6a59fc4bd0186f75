package dev.bookshop.domain.user;

import dev.bookshop.domain.common.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as the shop keys accounts by it: trimmed and lower-cased, so {@code Ann@Example.com } and
 * {@code ann@example.com} are one account. The check is deliberately permissive about the local part (plus tags,
 * dots, quotes-free unicode) and strict about what cannot be an address at all.
 */
public record Email(String value) {

    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile(
            "[^\\s\\p{Cc}@\"(),:;<>\\[\\\\\\]]{1,64}@[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");

    public Email {
        if (value == null) {
            throw new InvalidValueException("email is required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("must be a valid email address");
        }
    }

    public static Email of(String raw) {
        return new Email(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
