package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.Text;
import java.util.Objects;
import java.util.Optional;

/** What describes a book, apart from price, stock and shelving. Every field is trimmed and bounded. */
public record BookDetails(
        String title, String author, Optional<String> series, Optional<String> description, Optional<Isbn> isbn) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_AUTHOR = 200;
    public static final int MAX_SERIES = 200;
    public static final int MAX_DESCRIPTION = 10_000;

    public BookDetails {
        title = Text.required(title, "title", MAX_TITLE);
        author = Text.required(author, "author", MAX_AUTHOR);
        series = Objects.requireNonNull(series).flatMap(s -> Text.optional(s, "series", MAX_SERIES));
        description =
                Objects.requireNonNull(description).flatMap(d -> Text.optional(d, "description", MAX_DESCRIPTION));
        Objects.requireNonNull(isbn);
    }
}
