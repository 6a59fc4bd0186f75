package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.common.Slug;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A book on sale. Immutable; every change returns the changed product. It holds a {@link Price} and a {@link Stock},
 * so it can never carry a price or a stock count outside their rules. An inactive product is hidden from the shop
 * front but stays referenced by old orders.
 */
public final class Product {

    private final ProductId id;
    private final Slug slug;
    private final BookDetails details;
    private final Price price;
    private final Stock stock;
    private final boolean active;
    private final List<Category> categories;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Product(
            ProductId id,
            Slug slug,
            BookDetails details,
            Price price,
            Stock stock,
            boolean active,
            List<Category> categories,
            Instant createdAt,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.slug = Objects.requireNonNull(slug);
        this.details = Objects.requireNonNull(details);
        this.price = Objects.requireNonNull(price);
        this.stock = Objects.requireNonNull(stock);
        this.active = active;
        this.categories = categories.stream()
                .sorted(Comparator.comparing(c -> c.slug().value()))
                .distinct()
                .toList();
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
    }

    public static Product create(
            ProductId id,
            Slug slug,
            BookDetails details,
            Price price,
            Stock stock,
            List<Category> categories,
            Instant now) {
        return new Product(id, slug, details, price, stock, true, categories, now, now);
    }

    public static Product rehydrate(
            ProductId id,
            Slug slug,
            BookDetails details,
            Price price,
            Stock stock,
            boolean active,
            List<Category> categories,
            Instant createdAt,
            Instant updatedAt) {
        return new Product(id, slug, details, price, stock, active, categories, createdAt, updatedAt);
    }

    public Product withDetails(BookDetails newDetails, Instant now) {
        return new Product(id, slug, newDetails, price, stock, active, categories, createdAt, now);
    }

    public Product withPrice(Price newPrice, Instant now) {
        return new Product(id, slug, details, newPrice, stock, active, categories, createdAt, now);
    }

    /**
     * This product as a store holds it after one of its own stock writes. Not an edit: saving a product never writes
     * its stock, which moves only through the store's conditional stock operations, and a stock write leaves the
     * update time alone because that time tracks edits of the book, not sales.
     */
    public Product withStoredStock(Stock storedStock) {
        return new Product(id, slug, details, price, storedStock, active, categories, createdAt, updatedAt);
    }

    public Product withCategories(List<Category> newCategories, Instant now) {
        return new Product(id, slug, details, price, stock, active, newCategories, createdAt, now);
    }

    public Product activated(boolean nowActive, Instant now) {
        return new Product(id, slug, details, price, stock, nowActive, categories, createdAt, now);
    }

    /** Whether a customer may put this quantity in a cart right now. */
    public boolean canSupply(Quantity quantity) {
        return active && stock.covers(quantity);
    }

    public boolean inStock() {
        return !stock.isEmpty();
    }

    public ProductId id() {
        return id;
    }

    public Slug slug() {
        return slug;
    }

    public BookDetails details() {
        return details;
    }

    public String title() {
        return details.title();
    }

    public Money price() {
        return price.amount();
    }

    /** The copies on hand, as the count every reader and store speaks. */
    public int stock() {
        return stock.copies();
    }

    public boolean active() {
        return active;
    }

    public List<Category> categories() {
        return categories;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Product other
                && id.equals(other.id)
                && slug.equals(other.slug)
                && details.equals(other.details)
                && price.equals(other.price)
                && stock.equals(other.stock)
                && active == other.active
                && categories.equals(other.categories)
                && createdAt.equals(other.createdAt)
                && updatedAt.equals(other.updatedAt);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Product[" + id + ", " + slug + ", stock " + stock.copies() + (active ? "" : ", inactive") + "]";
    }
}
