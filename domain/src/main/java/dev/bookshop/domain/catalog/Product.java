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
 *
 * <p>Its {@link #version} counts the admin's edits (details, price, categories, active flag): every edit answers the
 * product one version on, and an editor who read an older version is editing from a stale read. Stock moves never
 * change it, since they happen at every checkout.
 */
public final class Product {

    /** The version of a product just created. */
    public static final long FIRST_VERSION = 1;

    private final ProductId id;
    private final Slug slug;
    private final BookDetails details;
    private final Price price;
    private final Stock stock;
    private final boolean active;
    private final List<Category> categories;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final long version;

    private Product(
            ProductId id,
            Slug slug,
            BookDetails details,
            Price price,
            Stock stock,
            boolean active,
            List<Category> categories,
            Instant createdAt,
            Instant updatedAt,
            long version) {
        if (version < FIRST_VERSION) {
            throw new IllegalArgumentException("a product's version starts at " + FIRST_VERSION + ": " + version);
        }
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
        this.version = version;
    }

    public static Product create(
            ProductId id,
            Slug slug,
            BookDetails details,
            Price price,
            Stock stock,
            List<Category> categories,
            Instant now) {
        return new Product(id, slug, details, price, stock, true, categories, now, now, FIRST_VERSION);
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
            Instant updatedAt,
            long version) {
        return new Product(id, slug, details, price, stock, active, categories, createdAt, updatedAt, version);
    }

    /**
     * One admin edit: every editable field at once, one version on. An edit that gives only some fields passes the
     * others as they are, so a request that changes several fields is still one version.
     */
    public Product edited(
            BookDetails newDetails, Price newPrice, List<Category> newCategories, boolean nowActive, Instant now) {
        return new Product(
                id, slug, newDetails, newPrice, stock, nowActive, newCategories, createdAt, now, version + 1);
    }

    public Product withDetails(BookDetails newDetails, Instant now) {
        return edited(newDetails, price, categories, active, now);
    }

    public Product withPrice(Price newPrice, Instant now) {
        return edited(details, newPrice, categories, active, now);
    }

    /**
     * This product as a store holds it after one of its own stock writes. Not an edit: saving a product never writes
     * its stock, which moves only through the store's conditional stock operations, and a stock write leaves the
     * update time alone because that time tracks edits of the book, not sales.
     */
    public Product withStoredStock(Stock storedStock) {
        return new Product(id, slug, details, price, storedStock, active, categories, createdAt, updatedAt, version);
    }

    public Product withCategories(List<Category> newCategories, Instant now) {
        return edited(details, price, newCategories, active, now);
    }

    public Product activated(boolean nowActive, Instant now) {
        return edited(details, price, categories, nowActive, now);
    }

    /** Whether this is the version an editor read; an edit from any other read is refused. */
    public boolean isVersion(long expected) {
        return version == expected;
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

    public long version() {
        return version;
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
                && updatedAt.equals(other.updatedAt)
                && version == other.version;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Product[" + id + ", " + slug + ", v" + version + ", stock " + stock.copies()
                + (active ? "" : ", inactive") + "]";
    }
}
