package dev.bookshop.application.catalog.port.in;

import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.Slug;
import java.util.Objects;
import java.util.Set;

/** A book an admin adds to the catalogue. */
public record NewProduct(BookDetails details, Price price, Stock stock, Set<Slug> categorySlugs) {
    public NewProduct {
        Objects.requireNonNull(details);
        Objects.requireNonNull(price);
        Objects.requireNonNull(stock);
        categorySlugs = Set.copyOf(categorySlugs);
    }
}
