package dev.bookshop.application.port.in;

import dev.bookshop.application.query.Page;
import dev.bookshop.application.query.ProductQuery;
import dev.bookshop.domain.catalog.Product;

/** The public catalogue: active books only, filtered, sorted and paged. */
public interface BrowseProductsUseCase {
    Page<Product> browse(ProductQuery query);
}
