package dev.bookshop.application.catalog.query;

import dev.bookshop.domain.catalog.Product;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A page of the public catalogue: a numbered page ({@code page} present) or one reached by a cursor (empty). The
 * {@code nextCursor} reads the page after this one at the same cost at any depth; empty on the last page.
 */
public record ProductPage(
        List<Product> items, OptionalInt page, int size, long total, boolean totalExact, Optional<String> nextCursor) {

    public ProductPage {
        items = List.copyOf(items);
        Objects.requireNonNull(page);
        Objects.requireNonNull(nextCursor);
    }
}
