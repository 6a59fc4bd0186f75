package dev.bookshop.adapters.web.catalog;

import dev.bookshop.application.catalog.query.ProductPage;
import dev.bookshop.domain.catalog.Product;
import java.util.List;
import java.util.function.Function;

/**
 * A page of the catalogue as the API answers it: {@code {"items","page","size","total","totalExact","nextCursor"}}.
 * {@code page} is null on a page reached by cursor (it has no number); {@code nextCursor} is null on the last page;
 * {@code total} stops at the catalogue window, and {@code totalExact} says whether it is the count or that bound.
 */
record ProductPageView(
        List<ProductView> items, Integer page, int size, long total, boolean totalExact, String nextCursor) {

    static ProductPageView of(ProductPage page, Function<Product, ProductView> view) {
        return new ProductPageView(
                page.items().stream().map(view).toList(),
                page.page().isPresent() ? page.page().getAsInt() : null,
                page.size(),
                page.total(),
                page.totalExact(),
                page.nextCursor().orElse(null));
    }
}
