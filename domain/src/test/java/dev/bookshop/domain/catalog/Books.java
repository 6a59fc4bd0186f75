package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.Slug;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Builds products for domain tests: a valid book with only what a test cares about spelled out. */
public final class Books {

    public static final Instant CREATED = Instant.parse("2026-01-15T09:00:00Z");

    private Books() {}

    public static BookDetails details(String title) {
        return new BookDetails(title, "J. R. R. Tolkien", Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Product book(ProductId id, int stock) {
        return Product.create(
                id,
                Slug.fromText("The Hobbit"),
                details("The Hobbit"),
                Price.ofCents(1299),
                Stock.of(stock),
                List.of(),
                CREATED);
    }

    public static Product book(int stock) {
        return book(ProductId.of(UUID.randomUUID()), stock);
    }

    public static Product inactiveBook(int stock) {
        return book(stock).activated(false, CREATED);
    }
}
