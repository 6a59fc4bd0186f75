package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Quantity;
import java.util.Optional;

/** How many copies of one book the shop holds: a whole number from 0 to {@link #MAX}. */
public record Stock(int copies) {

    /** The most copies an admin can record for one book; far past any real stock, far from integer overflow. */
    public static final int MAX = 1_000_000_000;

    public static final Stock NONE = new Stock(0);

    public Stock {
        if (copies < 0) {
            throw new InvalidValueException("stock must not be negative");
        }
        if (copies > MAX) {
            throw new InvalidValueException("stock must be at most " + MAX);
        }
    }

    public static Stock of(int copies) {
        return new Stock(copies);
    }

    /**
     * The stock after a signed move, or empty when it would fall below zero or pass {@link #MAX}. Computed in a long,
     * so no delta can wrap around into range.
     */
    public Optional<Stock> movedBy(int delta) {
        long result = (long) copies + delta;
        return result < 0 || result > MAX ? Optional.empty() : Optional.of(new Stock((int) result));
    }

    /** Whether a move by {@code delta} is refused because it would pass {@link #MAX}, rather than fall below zero. */
    public boolean wouldOverflow(int delta) {
        return (long) copies + delta > MAX;
    }

    public boolean covers(Quantity quantity) {
        return quantity.value() <= copies;
    }

    public boolean isEmpty() {
        return copies == 0;
    }
}
