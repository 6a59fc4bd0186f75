package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.FieldViolation;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Text;
import dev.bookshop.domain.common.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What describes a book, apart from price, stock and shelving. Every field is trimmed and bounded; a refusal names
 * every broken field (title, author, series, description) at once, so an admin hears of all of them together.
 */
public record BookDetails(
        String title, String author, Optional<String> series, Optional<String> description, Optional<Isbn> isbn) {

    public static final int MAX_TITLE = 300;
    public static final int MAX_AUTHOR = 200;
    public static final int MAX_SERIES = 200;
    public static final int MAX_DESCRIPTION = 10_000;

    public BookDetails {
        Objects.requireNonNull(series);
        Objects.requireNonNull(description);
        Objects.requireNonNull(isbn);
        List<FieldViolation> broken = new ArrayList<>();
        String rawTitle = title;
        String rawAuthor = author;
        Optional<String> rawSeries = series;
        Optional<String> rawDescription = description;
        title = checked(broken, "title", () -> Text.required(rawTitle, "title", MAX_TITLE));
        author = checked(broken, "author", () -> Text.required(rawAuthor, "author", MAX_AUTHOR));
        series = checked(broken, "series", () -> rawSeries.flatMap(s -> Text.optional(s, "series", MAX_SERIES)));
        description = checked(
                broken,
                "description",
                () -> rawDescription.flatMap(d -> Text.optional(d, "description", MAX_DESCRIPTION)));
        if (!broken.isEmpty()) {
            throw new ValidationException(broken);
        }
    }

    public BookDetails withIsbn(Optional<Isbn> newIsbn) {
        return new BookDetails(title, author, series, description, newIsbn);
    }

    private static <T> T checked(List<FieldViolation> broken, String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidValueException e) {
            broken.add(e.violation(field));
            return null;
        }
    }
}
