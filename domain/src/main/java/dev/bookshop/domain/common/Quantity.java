package dev.bookshop.domain.common;

/** How many copies of one book: at least one, and bounded so totals can never overflow. */
public record Quantity(int value) {

    public static final int MAX = 10_000;

    public Quantity {
        if (value < 1) {
            throw new InvalidValueException("quantity must be at least 1");
        }
        if (value > MAX) {
            throw new InvalidValueException("quantity must be at most " + MAX);
        }
    }

    public static Quantity of(int value) {
        return new Quantity(value);
    }

    public Quantity plus(Quantity other) {
        return new Quantity(value + other.value);
    }
}
