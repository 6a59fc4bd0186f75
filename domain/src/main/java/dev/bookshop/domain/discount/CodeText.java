package dev.bookshop.domain.discount;

import dev.bookshop.domain.common.InvalidValueException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** The text of a discount code as the shop stores and compares it: trimmed, upper-case, letters, digits, - and _. */
public final class CodeText {

    private static final Pattern FORM = Pattern.compile("[A-Z0-9_-]{1,40}");

    private CodeText() {}

    /** The canonical form of what a customer or an admin typed; codes differing only in case are the same code. */
    public static String normalise(String raw) {
        Objects.requireNonNull(raw, "code");
        String code = raw.strip().toUpperCase(Locale.ROOT);
        if (!FORM.matcher(code).matches()) {
            throw new InvalidValueException("must be 1 to 40 letters, digits, - or _");
        }
        return code;
    }

    /** Whether {@code raw} could name a code at all; text that cannot is simply unknown to a customer. */
    public static boolean isWellFormed(String raw) {
        return raw != null && FORM.matcher(raw.strip().toUpperCase(Locale.ROOT)).matches();
    }
}
