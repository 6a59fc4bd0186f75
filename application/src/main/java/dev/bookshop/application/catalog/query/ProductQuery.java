package dev.bookshop.application.catalog.query;

import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Slug;
import java.util.Objects;
import java.util.Optional;

/**
 * Filters, order and page of a product list. Series and author match whole values, ignoring case; prices are
 * inclusive bounds in cents.
 */
public record ProductQuery(
        Optional<String> series,
        Optional<String> author,
        Optional<Slug> category,
        Optional<Money> minPrice,
        Optional<Money> maxPrice,
        boolean inStockOnly,
        boolean includeInactive,
        ProductSort sort,
        PageRequest page) {

    public ProductQuery {
        Objects.requireNonNull(series);
        Objects.requireNonNull(author);
        Objects.requireNonNull(category);
        Objects.requireNonNull(minPrice);
        Objects.requireNonNull(maxPrice);
        Objects.requireNonNull(sort);
        Objects.requireNonNull(page);
    }

    /** Every active product, by title, first page. */
    public static ProductQuery all() {
        return new ProductQuery(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                false,
                ProductSort.TITLE,
                PageRequest.first());
    }

    public ProductQuery withPage(PageRequest newPage) {
        return new ProductQuery(
                series, author, category, minPrice, maxPrice, inStockOnly, includeInactive, sort, newPage);
    }

    public ProductQuery withInactive(boolean include) {
        return new ProductQuery(series, author, category, minPrice, maxPrice, inStockOnly, include, sort, page);
    }

    public ProductQuery withSort(ProductSort newSort) {
        return new ProductQuery(
                series, author, category, minPrice, maxPrice, inStockOnly, includeInactive, newSort, page);
    }

    public ProductQuery withAuthor(String newAuthor) {
        return new ProductQuery(
                series, Optional.of(newAuthor), category, minPrice, maxPrice, inStockOnly, includeInactive, sort, page);
    }

    public ProductQuery withCategory(Slug newCategory) {
        return new ProductQuery(
                series, author, Optional.of(newCategory), minPrice, maxPrice, inStockOnly, includeInactive, sort, page);
    }

    public ProductQuery withInStock() {
        return new ProductQuery(series, author, category, minPrice, maxPrice, true, includeInactive, sort, page);
    }
}
