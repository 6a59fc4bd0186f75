package dev.bookshop.application.catalog.service;

import dev.bookshop.application.catalog.port.in.AdminCatalogUseCase;
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
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.ProductNotFoundException;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.common.ValidationException;
import dev.bookshop.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** The admin's catalogue operations. Stock only moves through the store's conditional operations. */
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
    public Product updateProduct(UserId actor, ProductId productId, ProductChanges changes) {
        actors.requireAdmin(actor);
        return transactions.inTransaction(() -> {
            Product product =
                    products.findById(productId).orElseThrow(() -> new ProductNotFoundException(productId.toString()));
            Instant now = clock.instant();
            BookDetails details = product.details();
            // The details name each broken field themselves (title, author, series, description).
            BookDetails changed = new BookDetails(
                    changes.title().orElse(details.title()),
                    changes.author().orElse(details.author()),
                    changes.series().orElse(details.series()),
                    changes.description().orElse(details.description()),
                    changes.isbn().orElse(details.isbn()));
            Product updated = product.withDetails(changed, now);
            if (changes.price().isPresent()) {
                updated = updated.withPrice(changes.price().get(), now);
            }
            if (changes.categorySlugs().isPresent()) {
                updated = updated.withCategories(resolve(changes.categorySlugs().get()), now);
            }
            if (changes.active().isPresent()) {
                updated = updated.activated(changes.active().get(), now);
            }
            products.update(updated);
            if (changes.stock().isPresent()) {
                products.setStock(productId, changes.stock().get());
            }
            return products.findById(productId).orElseThrow();
        });
    }

    @Override
    public int changeStock(UserId actor, ProductId productId, StockChange change) {
        actors.requireAdmin(actor);
        return transactions.inTransaction(() -> {
            Product product =
                    products.findById(productId).orElseThrow(() -> new ProductNotFoundException(productId.toString()));
            return switch (change) {
                case StockChange.SetTo(Stock stock) ->
                    products.setStock(productId, stock)
                            .orElseThrow(() -> new ProductNotFoundException(productId.toString()));
                case StockChange.MoveBy(int delta) ->
                    products.adjustStock(productId, delta)
                            .orElseThrow(() -> refusedMove(productId, delta, product.stock()));
            };
        });
    }

    /** Why a move was refused: past the largest count (a validation failure) or below zero (not enough stock). */
    private RuntimeException refusedMove(ProductId productId, int delta, int stockBefore) {
        int now = products.findById(productId).map(Product::stock).orElse(stockBefore);
        if (Stock.of(now).wouldOverflow(delta)) {
            return ValidationException.of("delta", "would take the stock past " + Stock.MAX);
        }
        return InsufficientStockException.of(productId, -delta, now);
    }

    @Override
    public void deactivateProduct(UserId actor, ProductId productId) {
        actors.requireAdmin(actor);
        transactions.inTransaction(() -> {
            Product product =
                    products.findById(productId).orElseThrow(() -> new ProductNotFoundException(productId.toString()));
            if (product.active()) {
                products.update(product.activated(false, clock.instant()));
            }
        });
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
