package dev.bookshop.domain.catalog;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.common.Slug;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A book on sale. Immutable; every change returns the changed product. Price is always positive and stock never
 * negative. An inactive product is hidden from the shop front but stays referenced by old orders.
 */
public final class Product {

    private final ProductId id;
    private final Slug slug;
    private final BookDetails details;
    private final Money price;
    private final int stock;
    private final boolean active;
    private final List<Category> categories;
    private final Instant createdAt;
    private final Instant updatedAt;

    private Product(
            ProductId id,
            Slug slug,
            BookDetails details,
            Money price,
            int stock,
            boolean active,
            List<Category> categories,
            Instant createdAt,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.slug = Objects.requireNonNull(slug);
        this.details = Objects.requireNonNull(details);
        this.price = requirePositive(price);
        if (stock < 0) {
            throw new InvalidValueException("stock must not be negative");
        }
        this.stock = stock;
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
            Money price,
            int stock,
            List<Category> categories,
            Instant now) {
        return new Product(id, slug, details, price, stock, true, categories, now, now);
    }

    public static Product rehydrate(
            ProductId id,
            Slug slug,
            BookDetails details,
            Money price,
            int stock,
            boolean active,
            List<Category> categories,
            Instant createdAt,
            Instant updatedAt) {
        return new Product(id, slug, details, price, stock, active, categories, createdAt, updatedAt);
    }

    /** The dearest book the shop sells, in cents: within what card payment providers accept for one charge. */
    public static final long MAX_PRICE_CENTS = 99_999_999L;

    /** The most copies an admin can record for one book; far past any real stock, far from integer overflow. */
    public static final int MAX_STOCK = 1_000_000_000;

    public static Money requirePositive(Money price) {
        Objects.requireNonNull(price, "price");
        if (!price.isPositive()) {
            throw new InvalidValueException("price must be greater than 0");
        }
        if (price.cents() > MAX_PRICE_CENTS) {
            throw new InvalidValueException("price must be at most " + MAX_PRICE_CENTS + " cents");
        }
        return price;
    }

    /** A stock count an admin may set: 0 to {@link #MAX_STOCK}. */
    public static int requireStock(int stock) {
        if (stock < 0) {
            throw new InvalidValueException("stock must not be negative");
        }
        if (stock > MAX_STOCK) {
            throw new InvalidValueException("stock must be at most " + MAX_STOCK);
        }
        return stock;
    }

    public Product withDetails(BookDetails newDetails, Instant now) {
        return new Product(id, slug, newDetails, price, stock, active, categories, createdAt, now);
    }

    public Product withPrice(Money newPrice, Instant now) {
        return new Product(id, slug, details, newPrice, stock, active, categories, createdAt, now);
    }

    public Product withStock(int newStock, Instant now) {
        return new Product(id, slug, details, price, newStock, active, categories, createdAt, now);
    }

    public Product withCategories(List<Category> newCategories, Instant now) {
        return new Product(id, slug, details, price, stock, active, newCategories, createdAt, now);
    }

    public Product activated(boolean nowActive, Instant now) {
        return new Product(id, slug, details, price, stock, nowActive, categories, createdAt, now);
    }

    /** Whether a customer may put this quantity in a cart right now. */
    public boolean canSupply(Quantity quantity) {
        return active && quantity.value() <= stock;
    }

    public boolean inStock() {
        return stock > 0;
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
        return price;
    }

    public int stock() {
        return stock;
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
                && stock == other.stock
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
        return "Product[" + id + ", " + slug + ", stock " + stock + (active ? "" : ", inactive") + "]";
    }
}
