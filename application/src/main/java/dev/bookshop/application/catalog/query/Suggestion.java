package dev.bookshop.application.catalog.query;

import dev.bookshop.domain.common.Slug;
import java.util.Objects;

/** A book a search box offers while the reader types. */
public record Suggestion(Slug slug, String title, String author) {
    public Suggestion {
        Objects.requireNonNull(slug);
        Objects.requireNonNull(title);
        Objects.requireNonNull(author);
    }
}
