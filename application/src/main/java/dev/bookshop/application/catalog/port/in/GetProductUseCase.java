package dev.bookshop.application.catalog.port.in;

import dev.bookshop.domain.catalog.Product;

/** One active book, by id or by slug. Missing and inactive books are both {@code PRODUCT_NOT_FOUND}. */
public interface GetProductUseCase {
    Product getProduct(String idOrSlug);
}
