package dev.bookshop.application.catalog.port.out;

import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.domain.cart.CartLine;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.Slug;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Books, with their categories. Stock is never written through {@link #update}: it only moves through the
 * conditional operations below, which the store applies atomically, so concurrent checkouts cannot oversell.
 * {@code stock} is the available count: copies an order took leave it at checkout and come back if that order fails.
 */
public interface ProductRepository extends CatalogueSearch {

    /** Inserts the product and its category links unless its slug is taken (then nothing is written, answer false). */
    boolean insertIfSlugFree(Product product);

    /**
     * Writes details, price, active flag, categories, update time and version, as the product carries them. Never the
     * stock. Callers that edit from a read hold the book with {@link #lockById} first, so no other edit lands between.
     */
    void update(Product product);

    Optional<Product> findById(ProductId id);

    /**
     * Reads the product as committed now and holds its row locked until the transaction ends (SELECT … FOR UPDATE;
     * the memory store's one lock): another transaction's stock move or edit of this book waits until then. Inside a
     * transaction only. Everything read under the lock is current, even when this transaction read the book before.
     */
    Optional<Product> lockById(ProductId id);

    /**
     * The copies of this book held by orders whose status reserves stock ({@link
     * dev.bookshop.domain.order.OrderStatus#reservesStock}): the sum of their lines' quantities, 0 when none. Asked
     * after {@link #lockById}, the answer stays right until the transaction ends: checkout takes stock (which waits for
     * the lock) before it writes its order, and an expiring order gives its copies back (which waits too) in the
     * transaction that marks it failed, so until this one commits it counts as reserved and its copies come back after.
     */
    int reservedCopies(ProductId id);

    Optional<Product> findBySlug(Slug slug);

    /** The products with these ids, active or not; ids that match nothing are absent from the answer. */
    List<Product> findAllById(Collection<ProductId> ids);

    /** The books these cart lines name, by id, active or not; a line whose book is gone has no entry. */
    default Map<ProductId, Product> booksOf(Collection<CartLine> lines) {
        return findAllById(lines.stream().map(CartLine::productId).toList()).stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));
    }

    /**
     * One page of products matching the query, in its order, with the exact total count: the admin's list, inactive
     * books included. The shop's lists go through {@link CatalogueSearch}, whose cost does not grow with the
     * catalogue.
     */
    Page<Product> find(ProductQuery query);

    /** Takes {@code quantity} copies if at least that many are in stock; answers whether it did. */
    boolean decrementStock(ProductId id, int quantity);

    /**
     * Puts copies back, as when an unpaid order fails; never past {@link dev.bookshop.domain.catalog.Stock#MAX}, where
     * the stock stops (a count that high is no real stock, and refusing would leave the failing order stuck).
     */
    void incrementStock(ProductId id, int quantity);

    /**
     * Moves stock by {@code delta} (either sign) unless the result would be negative or past
     * {@link dev.bookshop.domain.catalog.Stock#MAX}. Answers the new stock, or empty when the product is missing or the result would be
     * out of that range.
     */
    OptionalInt adjustStock(ProductId id, int delta);

    /** Sets the stock; answers the new stock, or empty when the product is missing. */
    OptionalInt setStock(ProductId id, Stock stock);
}
