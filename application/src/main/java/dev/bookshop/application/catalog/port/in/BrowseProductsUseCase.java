package dev.bookshop.application.catalog.port.in;

import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.domain.catalog.Product;

/** The public catalogue: active books only, filtered, sorted and paged. */
public interface BrowseProductsUseCase {
    Page<Product> browse(ProductQuery query);
}
