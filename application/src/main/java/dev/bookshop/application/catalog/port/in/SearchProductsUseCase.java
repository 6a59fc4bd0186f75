package dev.bookshop.application.catalog.port.in;

import dev.bookshop.application.catalog.query.ProductPage;
import dev.bookshop.application.shared.query.PageRequest;
import java.util.Optional;

/**
 * Full-text search over title, author, series and description of active books, best match first; a numbered page or
 * the page after a {@code cursor}, as for browsing.
 */
public interface SearchProductsUseCase {
    ProductPage search(String text, PageRequest page, Optional<String> cursor);

    default ProductPage search(String text, PageRequest page) {
        return search(text, page, Optional.empty());
    }
}
