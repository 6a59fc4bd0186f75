package dev.bookshop.application.catalog.port.in;

import dev.bookshop.domain.catalog.Isbn;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.Slug;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A partial update of a book: an empty field is left as it is. For the optional text fields the inner optional is
 * the new value, and an empty inner optional clears the field.
 */
public record ProductChanges(
        Optional<String> title,
        Optional<String> author,
        Optional<Optional<String>> series,
        Optional<Optional<String>> description,
        Optional<Optional<Isbn>> isbn,
        Optional<Price> price,
        Optional<Stock> stock,
        Optional<Set<Slug>> categorySlugs,
        Optional<Boolean> active) {

    public ProductChanges {
        Objects.requireNonNull(title);
        Objects.requireNonNull(author);
        Objects.requireNonNull(series);
        Objects.requireNonNull(description);
        Objects.requireNonNull(isbn);
        Objects.requireNonNull(price);
        Objects.requireNonNull(stock);
        Objects.requireNonNull(categorySlugs);
        Objects.requireNonNull(active);
    }

    /** Whether any field of the book itself is given; the stock alone is a shelf count, not an edit. */
    public boolean editsTheBook() {
        return title.isPresent()
                || author.isPresent()
                || series.isPresent()
                || description.isPresent()
                || isbn.isPresent()
                || price.isPresent()
                || categorySlugs.isPresent()
                || active.isPresent();
    }

    public static ProductChanges none() {
        return new ProductChanges(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
