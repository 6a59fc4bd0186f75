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

    private static final Pattern ERASED =
            Pattern.compile("deleted-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}@invalid");

    public Email {
        if (value == null) {
            throw new InvalidValueException("email is required");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH
                || !(SHAPE.matcher(value).matches() || ERASED.matcher(value).matches())) {
            throw new InvalidValueException("must be a valid email address");
        }
    }

    /**
     * An address someone typed. The placeholder of an erased account is refused here: nobody may sign up or log in
     * with it, or claim it first and make an erasure fail on the unique address.
     */
    public static Email of(String raw) {
        Email email = new Email(raw);
        if (email.isErasedPlaceholder()) {
            throw new InvalidValueException("must be a valid email address");
        }
        return email;
    }

    /**
     * The address an erased account keeps instead of its own: unique per account, and in a top-level domain that
     * cannot exist, so no mail can ever reach anybody through it.
     */
    public static Email erasedPlaceholder(UserId id) {
        return new Email("deleted-" + id + "@invalid");
    }

    public boolean isErasedPlaceholder() {
        return ERASED.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
