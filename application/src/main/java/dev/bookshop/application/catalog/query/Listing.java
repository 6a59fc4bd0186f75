package dev.bookshop.application.catalog.query;

import dev.bookshop.domain.catalog.Product;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list or search as the store found it.
 *
 * @param continueAfter the keys of the page's last book when more books follow it, else empty
 * @param total how many books match, counted up to the window: never more than the window
 * @param totalExact false when more books than the window match, so {@code total} is the window, not the count
 */
public record Listing(List<Product> items, Optional<ListingKey> continueAfter, long total, boolean totalExact) {

    public Listing {
        items = List.copyOf(items);
        Objects.requireNonNull(continueAfter);
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative");
        }
    }

    /**
     * The total from a bounded count: the store counts at most {@code window + 1} matches, which is enough to tell
     * whether there are more than the window.
     */
    public static Listing counted(List<Product> items, Optional<ListingKey> continueAfter, long counted, int window) {
        return new Listing(items, continueAfter, Math.min(counted, window), counted <= window);
    }
}
