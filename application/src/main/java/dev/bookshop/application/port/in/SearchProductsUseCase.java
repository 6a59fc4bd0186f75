package dev.bookshop.application.port.in;

import dev.bookshop.application.query.Page;
import dev.bookshop.application.query.PageRequest;
import dev.bookshop.domain.catalog.Product;

/** Full-text search over title, author, series and description of active books, best match first. */
public interface SearchProductsUseCase {
    Page<Product> search(String text, PageRequest page);
}
