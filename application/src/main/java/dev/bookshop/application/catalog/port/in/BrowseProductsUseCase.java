package dev.bookshop.application.catalog.port.in;

import dev.bookshop.application.catalog.query.ProductPage;
import dev.bookshop.application.catalog.query.ProductQuery;
import java.util.Optional;

/**
 * The public catalogue: active books only, filtered and sorted; a numbered page within the catalogue window, or the
 * page after a {@code cursor} an earlier page answered, at any depth.
 */
public interface BrowseProductsUseCase {
    ProductPage browse(ProductQuery query, Optional<String> cursor);

    default ProductPage browse(ProductQuery query) {
        return browse(query, Optional.empty());
    }
}
