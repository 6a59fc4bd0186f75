package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import java.util.Objects;

/** What one copy of a book costs: more than nothing, and at most {@link #MAX_CENTS}. */
public record Price(Money amount) {

    /** The dearest book the shop sells, in cents: within what card payment providers accept for one charge. */
    public static final long MAX_CENTS = 99_999_999L;

    public Price {
        Objects.requireNonNull(amount, "price");
        if (!amount.isPositive()) {
            throw new InvalidValueException("price must be greater than 0");
        }
        if (amount.cents() > MAX_CENTS) {
            throw new InvalidValueException("price must be at most " + MAX_CENTS + " cents");
        }
    }

    public static Price of(Money amount) {
        return new Price(amount);
    }

    /** Checks positivity before building the amount, so a negative input hears about the price, not about money. */
    public static Price ofCents(long cents) {
        if (cents <= 0) {
            throw new InvalidValueException("price must be greater than 0");
        }
        return new Price(Money.ofCents(cents));
    }

    public long cents() {
        return amount.cents();
    }
}
