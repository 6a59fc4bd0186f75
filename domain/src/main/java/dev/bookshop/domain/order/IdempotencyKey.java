package dev.bookshop.domain.order;

import dev.bookshop.domain.common.InvalidValueException;

/** A client's token that makes a retried checkout replay the first answer: 1 to 255 visible ASCII characters. */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null
                || value.isEmpty()
                || value.length() > MAX_LENGTH
                || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new InvalidValueException("idempotency key must be 1 to 255 visible ASCII characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
