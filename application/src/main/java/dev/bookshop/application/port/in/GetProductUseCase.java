package dev.bookshop.application.port.in;

import dev.bookshop.domain.catalog.Product;

/** One active book, by id or by slug. Missing and inactive books are both {@code PRODUCT_NOT_FOUND}. */
public interface GetProductUseCase {
    Product getProduct(String idOrSlug);
}
