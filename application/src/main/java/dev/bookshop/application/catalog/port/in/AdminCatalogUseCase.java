package dev.bookshop.application.catalog.port.in;

import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.StockLevel;
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

    /**
     * Applies the given fields onto the book as it stands, holding it locked, and answers it as stored, one version
     * on. {@code PRECONDITION_FAILED} (nothing written) when the book is not at a version {@code expected} admits: the
     * editor read it before someone else changed it. A stock given here is a shelf count, as in {@link #changeStock}.
     */
    Product updateProduct(UserId actor, ProductId productId, ProductChanges changes, ExpectedVersion expected);

    /** An edit without a condition: it applies to whatever version the book is at. */
    default Product updateProduct(UserId actor, ProductId productId, ProductChanges changes) {
        return updateProduct(actor, productId, changes, ExpectedVersion.ANY);
    }

    /**
     * Answers the stock after the change. {@link StockChange.SetTo} is a shelf count: the copies held by orders that
     * reserve stock are part of it, the rest become available, and a count below them is refused with
     * {@code STOCK_BELOW_RESERVED}. {@link StockChange.MoveBy} moves the available copies; {@code INSUFFICIENT_STOCK}
     * when they would fall below zero. The book's version does not move.
     */
    StockLevel changeStock(UserId actor, ProductId productId, StockChange change);

    /** Soft delete: the book leaves the shop front and stays in old orders. One version on, unless already withdrawn. */
    void deactivateProduct(UserId actor, ProductId productId);

    /** {@code CATEGORY_SLUG_TAKEN} when a category with the derived slug exists. */
    Category createCategory(UserId actor, String name);
}
