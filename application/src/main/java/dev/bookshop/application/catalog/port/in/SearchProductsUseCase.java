package dev.bookshop.application.catalog.port.in;

import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.Product;

/** Full-text search over title, author, series and description of active books, best match first. */
public interface SearchProductsUseCase {
    Page<Product> search(String text, PageRequest page);
}
