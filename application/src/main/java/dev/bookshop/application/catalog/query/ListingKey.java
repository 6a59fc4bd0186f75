package dev.bookshop.application.catalog.query;

import dev.bookshop.domain.catalog.Product;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where one book stands in every order a list or search can take: what a cursor carries of the last book it showed,
 * so the next page starts right after it whatever was inserted or removed meanwhile. {@code rank} is the search
 * relevance the store computed (0 for lists); titles fold case in the store, from this exact title.
 */
public record ListingKey(String title, long priceCents, Instant createdAt, UUID id, float rank) {

    public ListingKey {
        Objects.requireNonNull(title);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(id);
    }

    public static ListingKey of(Product book, float rank) {
        return new ListingKey(
                book.details().title(),
                book.price().cents(),
                book.createdAt(),
                book.id().value(),
                rank);
    }
}
