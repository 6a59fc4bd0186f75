package dev.bookshop.domain.catalog;

import java.util.Objects;

/**
 * A book's stock as the admin sees it: the copies {@code available} to buy, and the copies {@code reserved} by orders
 * that took them and may still give them back (an unpaid order that expires). Both are on the shelf, so
 * {@link #onHand} is what a person counting the shelf finds.
 */
public record StockLevel(Stock available, int reserved) {

    public StockLevel {
        Objects.requireNonNull(available);
        if (reserved < 0) {
            throw new IllegalArgumentException("reserved copies must not be negative: " + reserved);
        }
    }

    /**
     * The level after an admin counted {@code shelf} copies while {@code reserved} of them are held by orders: those
     * stay held, the rest are available. A count below the reserved copies cannot be right (orders already hold more
     * than the shelf has) and is refused rather than silently cut to zero.
     */
    public static StockLevel fromShelfCount(ProductId productId, Stock shelf, int reserved) {
        if (shelf.copies() < reserved) {
            throw new StockBelowReservedException(productId, shelf.copies(), reserved);
        }
        return new StockLevel(Stock.of(shelf.copies() - reserved), reserved);
    }

    /** Available plus reserved; a long, as the two together may pass {@link Stock#MAX}. */
    public long onHand() {
        return (long) available.copies() + reserved;
    }
}
