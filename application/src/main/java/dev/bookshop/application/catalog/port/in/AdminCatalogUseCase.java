package dev.bookshop.application.catalog.port.in;

import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.user.UserId;

/**
 * Running the catalogue. Every operation names the acting user and is refused with {@code NOT_ADMIN} unless that
 * user is an active administrator right now (a demoted admin's old access token is not enough).
 */
public interface AdminCatalogUseCase {

    /** Every book, inactive ones included. */
    Page<Product> listProducts(UserId actor, ProductQuery query);

    /** Adds a book; its slug is derived from the title and made unique ({@code the-hobbit-2}). */
    Product createProduct(UserId actor, NewProduct product);

    Product updateProduct(UserId actor, ProductId productId, ProductChanges changes);

    /** Answers the new stock; {@code INSUFFICIENT_STOCK} when the result would be negative. */
    int changeStock(UserId actor, ProductId productId, StockChange change);

    /** Soft delete: the book leaves the shop front and stays in old orders. */
    void deactivateProduct(UserId actor, ProductId productId);

    /** {@code CATEGORY_SLUG_TAKEN} when a category with the derived slug exists. */
    Category createCategory(UserId actor, String name);
}
