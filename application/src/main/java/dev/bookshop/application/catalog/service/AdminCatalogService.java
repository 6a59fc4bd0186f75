package dev.bookshop.application.catalog.service;

import dev.bookshop.application.catalog.port.in.AdminCatalogUseCase;
import dev.bookshop.application.catalog.port.in.ExpectedVersion;
import dev.bookshop.application.catalog.port.in.NewProduct;
import dev.bookshop.application.catalog.port.in.ProductChanges;
import dev.bookshop.application.catalog.port.in.StockChange;
import dev.bookshop.application.catalog.port.out.CategoryRepository;
import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.service.Actors;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.CategoryId;
import dev.bookshop.domain.catalog.CategorySlugTakenException;
import dev.bookshop.domain.catalog.InsufficientStockException;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductChangedException;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.ProductNotFoundException;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.catalog.StockLevel;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.common.ValidationException;
import dev.bookshop.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The admin's catalogue operations. Stock only moves through the store's conditional operations; every edit and
 * stock correction holds the book's row lock, so two admins (or an admin and a checkout) never overwrite each other.
 */
public final class AdminCatalogService implements AdminCatalogUseCase {

    /** Enough for any real run of equal titles; past it something is wrong and the admin should hear of it. */
    static final int MAX_SLUG_SUFFIX = 1_000;

    private final TransactionRunner transactions;
    private final ProductRepository products;
    private final CategoryRepository categories;
    private final Actors actors;
    private final IdGenerator ids;
    private final Clock clock;

    public AdminCatalogService(
            TransactionRunner transactions,
            ProductRepository products,
            CategoryRepository categories,
            Actors actors,
            IdGenerator ids,
            Clock clock) {
        this.transactions = transactions;
        this.products = products;
        this.categories = categories;
        this.actors = actors;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public Page<Product> listProducts(UserId actor, ProductQuery query) {
        actors.requireAdmin(actor);
        return products.find(query.withInactive(true));
    }

    @Override
    public Product createProduct(UserId actor, NewProduct request) {
        actors.requireAdmin(actor);
        return transactions.inTransaction(() -> {
            List<Category> shelves = resolve(request.categorySlugs());
            Slug base = Slug.fromText(request.details().title());
            ProductId id = new ProductId(ids.newId());
            Instant now = clock.instant();
            // Inserts that lose a slug race write nothing, so trying the next suffix in the same transaction is safe.
            for (int n = 1; n <= MAX_SLUG_SUFFIX; n++) {
                Product product = Product.create(
                        id, base.withSuffix(n), request.details(), request.price(), request.stock(), shelves, now);
                if (products.insertIfSlugFree(product)) {
                    return product;
                }
            }
            throw ValidationException.of("title", "too many books share this title");
        });
    }

    @Override
    public Product updateProduct(UserId actor, ProductId productId, ProductChanges changes, ExpectedVersion expected) {
        actors.requireAdmin(actor);
        return transactions.inTransaction(() -> {
            // Under the lock this is the book as it stands, so the version check cannot race another edit, and the
            // fields not given are the current ones, never those of an older read.
            Product current = lock(productId);
            if (!expected.admits(current.version())) {
                throw new ProductChangedException(productId, current.version());
            }
            if (changes.editsTheBook()) {
                products.update(edited(current, changes, clock.instant()));
            }
            changes.stock().ifPresent(shelf -> recount(productId, shelf));
            // Read again for the answer: the stock after the count and the times as the store keeps them.
            return lock(productId);
        });
    }

    /** The given fields applied onto the current book, as one edit. */
    private Product edited(Product current, ProductChanges changes, Instant now) {
        BookDetails details = current.details();
        // The details name each broken field themselves (title, author, series, description).
        BookDetails changed = new BookDetails(
                changes.title().orElse(details.title()),
                changes.author().orElse(details.author()),
                changes.series().orElse(details.series()),
                changes.description().orElse(details.description()),
                changes.isbn().orElse(details.isbn()));
        return current.edited(
                changed,
                changes.price().orElse(Price.of(current.price())),
                changes.categorySlugs().map(this::resolve).orElse(current.categories()),
                changes.active().orElse(current.active()),
                now);
    }

    @Override
    public StockLevel changeStock(UserId actor, ProductId productId, StockChange change) {
        actors.requireAdmin(actor);
        return transactions.inTransaction(() -> {
            Product current = lock(productId);
            return switch (change) {
                case StockChange.SetTo(Stock shelf) -> recount(productId, shelf);
                case StockChange.MoveBy(int delta) -> {
                    int available = products.adjustStock(productId, delta)
                            .orElseThrow(() -> refusedMove(productId, delta, current.stock()));
                    yield new StockLevel(Stock.of(available), products.reservedCopies(productId));
                }
            };
        });
    }

    /**
     * A shelf count, with the book locked by the caller. The reserved copies are read under that lock: a checkout
     * committed before it is counted, one after it waits and takes from the new stock; an order expiring meanwhile
     * still counts as reserved and its copies come back once this commits. Either way no copy is sold twice.
     */
    private StockLevel recount(ProductId productId, Stock shelf) {
        StockLevel level = StockLevel.fromShelfCount(productId, shelf, products.reservedCopies(productId));
        products.setStock(productId, level.available())
                .orElseThrow(() -> new ProductNotFoundException(productId.toString()));
        return level;
    }

    /**
     * Why a move was refused: past the largest count (a validation failure) or below zero (not enough stock). The
     * book is locked, so the stock it was refused against is the one read with the lock.
     */
    private static RuntimeException refusedMove(ProductId productId, int delta, int available) {
        if (Stock.of(available).wouldOverflow(delta)) {
            return ValidationException.of("delta", "would take the stock past " + Stock.MAX);
        }
        return InsufficientStockException.of(productId, -delta, available);
    }

    @Override
    public void deactivateProduct(UserId actor, ProductId productId) {
        actors.requireAdmin(actor);
        transactions.inTransaction(() -> {
            Product product = lock(productId);
            if (product.active()) {
                products.update(product.activated(false, clock.instant()));
            }
        });
    }

    private Product lock(ProductId productId) {
        return products.lockById(productId).orElseThrow(() -> new ProductNotFoundException(productId.toString()));
    }

    @Override
    public Category createCategory(UserId actor, String name) {
        actors.requireAdmin(actor);
        Category category = ValidationException.field("name", () -> Category.create(new CategoryId(ids.newId()), name));
        if (!transactions.inTransaction(() -> categories.insertIfSlugFree(category))) {
            throw new CategorySlugTakenException(category.slug().value());
        }
        return category;
    }

    private List<Category> resolve(Set<Slug> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        List<Category> found = categories.findBySlugs(slugs);
        List<String> unknown = slugs.stream()
                .filter(s -> found.stream().noneMatch(c -> c.slug().equals(s)))
                .map(Slug::value)
                .sorted(Comparator.naturalOrder())
                .toList();
        if (!unknown.isEmpty()) {
            throw ValidationException.of("categorySlugs", "unknown categories: " + String.join(", ", unknown));
        }
        return found;
    }
}
