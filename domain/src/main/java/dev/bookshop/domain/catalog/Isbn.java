package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.InvalidValueException;

/** An ISBN-10 or ISBN-13 with a correct check digit, stored without hyphens or spaces. */
public record Isbn(String value) {

    public Isbn {
        if (value == null) {
            throw new InvalidValueException("isbn is required");
        }
        value = value.replace("-", "").replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (!(isValidIsbn10(value) || isValidIsbn13(value))) {
            throw new InvalidValueException("must be a valid ISBN-10 or ISBN-13");
        }
    }

    public static Isbn of(String raw) {
        return new Isbn(raw);
    }

    private static boolean isValidIsbn10(String s) {
        if (!s.matches("[0-9]{9}[0-9X]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int digit = s.charAt(i) == 'X' ? 10 : s.charAt(i) - '0';
            sum += digit * (10 - i);
        }
        return sum % 11 == 0;
    }

    private static boolean isValidIsbn13(String s) {
        if (!s.matches("97[89][0-9]{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 13; i++) {
            sum += (s.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return sum % 10 == 0;
    }

    @Override
    public String toString() {
        return value;
    }
}
