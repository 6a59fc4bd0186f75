package dev.bookshop.application.catalog.port.in;

import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Slug;
import java.util.Objects;
import java.util.Set;

/** A book an admin adds to the catalogue. */
public record NewProduct(BookDetails details, Money price, int stock, Set<Slug> categorySlugs) {
    public NewProduct {
        Objects.requireNonNull(details);
        Product.requirePositive(price);
        Product.requireStock(stock);
        categorySlugs = Set.copyOf(categorySlugs);
    }
}
