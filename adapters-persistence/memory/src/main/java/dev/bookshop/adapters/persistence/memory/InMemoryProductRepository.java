package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.catalog.query.Listing;
import dev.bookshop.application.catalog.query.ListingKey;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.ProductSort;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Price;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.Slug;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * Books in memory. Categories are linked by id and read back from the category table, as a join would; stock moves
 * only through the conditional operations, which run under the store's lock and so are atomic.
 */
final class InMemoryProductRepository implements ProductRepository {

    private static final Comparator<Product> BY_ID =
            Comparator.comparing(p -> p.id().value(), InMemoryStore.UUID_ORDER);
    private static final Comparator<Product> BY_TITLE = Comparator.comparing(
                    (Product p) -> p.title().toLowerCase(Locale.ROOT))
            .thenComparing(Product::title);

    private static final Comparator<ListingKey> KEY_BY_TITLE = Comparator.comparing(
                    (ListingKey k) -> k.title().toLowerCase(Locale.ROOT))
            .thenComparing(ListingKey::title);

    private static final Comparator<ListingKey> BY_RANK = Comparator.comparingDouble(ListingKey::rank)
            .reversed()
            .thenComparing(KEY_BY_TITLE)
            .thenComparing(ListingKey::id, InMemoryStore.UUID_ORDER);

    private final InMemoryStore store;

    InMemoryProductRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public boolean insertIfSlugFree(Product product) {
        return store.locked(() -> {
            InMemoryStore.requireNewKey(store.products, product.id(), "product");
            if (store.products.values().stream().anyMatch(p -> p.slug().equals(product.slug()))) {
                return false;
            }
            // The categories as the category table holds them, as a join would read them; not an edit.
            store.products.put(
                    product.id(),
                    Product.rehydrate(
                            product.id(),
                            product.slug(),
                            product.details(),
                            Price.of(product.price()),
                            Stock.of(product.stock()),
                            product.active(),
                            storedCategories(product),
                            product.createdAt(),
                            product.updatedAt(),
                            product.version()));
            return true;
        });
    }

    @Override
    public void update(Product product) {
        store.locked(() -> {
            Product stored = store.products.get(product.id());
            if (stored == null) {
                throw new IllegalStateException("no product " + product.id() + " to update");
            }
            store.products.put(
                    product.id(),
                    Product.rehydrate(
                            stored.id(),
                            stored.slug(),
                            product.details(),
                            Price.of(product.price()),
                            Stock.of(stored.stock()),
                            product.active(),
                            storedCategories(product),
                            stored.createdAt(),
                            product.updatedAt(),
                            product.version()));
        });
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        return store.locked(() -> Optional.ofNullable(store.products.get(id)));
    }

    /** Every transaction holds the store's one lock throughout, so the product is locked for as long as it runs. */
    @Override
    public Optional<Product> lockById(ProductId id) {
        return findById(id);
    }

    @Override
    public int reservedCopies(ProductId id) {
        return store.locked(() -> store.orders.values().stream()
                .filter(order -> order.status().reservesStock())
                .flatMap(order -> order.items().stream())
                .filter(item -> item.productId().filter(id::equals).isPresent())
                .mapToInt(item -> item.quantity().value())
                .sum());
    }

    @Override
    public Optional<Product> findBySlug(Slug slug) {
        return store.locked(() -> store.products.values().stream()
                .filter(p -> p.slug().equals(slug))
                .findFirst());
    }

    @Override
    public List<Product> findAllById(Collection<ProductId> ids) {
        List<ProductId> wanted = List.copyOf(new LinkedHashSet<>(ids));
        return store.locked(() -> wanted.stream()
                .map(store.products::get)
                .filter(Objects::nonNull)
                .toList());
    }

    @Override
    public Page<Product> find(ProductQuery query) {
        Predicate<Product> matches = matcher(query);
        return store.locked(() -> Page.slice(
                store.products.values().stream()
                        .filter(matches)
                        .sorted(order(query.sort()))
                        .toList(),
                query.page()));
    }

    @Override
    public Listing list(ProductQuery query, Optional<ListingKey> after, int window) {
        Predicate<Product> matches = matcher(query);
        return store.locked(() -> window(
                store.products.values().stream()
                        .filter(matches)
                        .map(p -> ListingKey.of(p, 0f))
                        .toList(),
                keyOrder(query.sort()),
                query.page(),
                after,
                window));
    }

    /**
     * Ranks at most {@code window} of the matching books, as the database adapters do: the first ones in the store's
     * own order (insertion), which is as arbitrary as a table's physical order and as stable between requests.
     */
    @Override
    public Listing search(String text, PageRequest page, Optional<ListingKey> after, int window) {
        SearchText search = SearchText.of(text);
        if (search.isEmpty()) {
            return new Listing(List.of(), Optional.empty(), 0, true);
        }
        return store.locked(() -> {
            List<ListingKey> candidates = new ArrayList<>();
            long matching = 0;
            for (Product book : store.products.values()) {
                int score = book.active() ? search.score(book) : 0;
                if (score > 0) {
                    matching++;
                    if (candidates.size() < window) {
                        candidates.add(ListingKey.of(book, score));
                    }
                }
            }
            Listing ranked = window(candidates, BY_RANK, page, after, window);
            return Listing.counted(ranked.items(), ranked.continueAfter(), Math.min(matching, window + 1L), window);
        });
    }

    /** The page of {@code keys} in {@code order}: after a cursor's keys, or at a numbered page's offset. */
    private Listing window(
            List<ListingKey> keys,
            Comparator<ListingKey> order,
            PageRequest page,
            Optional<ListingKey> after,
            int window) {
        List<ListingKey> sorted = keys.stream()
                .filter(key -> after.isEmpty() || order.compare(key, after.get()) > 0)
                .sorted(order)
                .toList();
        int from = after.isPresent() ? 0 : (int) Math.min(page.offset(), sorted.size());
        List<ListingKey> shown = sorted.subList(from, Math.min(from + page.size(), sorted.size()));
        boolean more = sorted.size() > from + shown.size();
        List<Product> items = shown.stream()
                .map(key -> store.products.get(ProductId.of(key.id())))
                .toList();
        return Listing.counted(
                items,
                more ? Optional.of(shown.getLast()) : Optional.empty(),
                Math.min(keys.size(), window + 1L),
                window);
    }

    @Override
    public boolean decrementStock(ProductId id, int quantity) {
        requirePositive(quantity);
        return store.locked(() -> {
            Product stored = store.products.get(id);
            if (stored == null || stored.stock() < quantity) {
                return false;
            }
            putStock(stored, Stock.of(stored.stock() - quantity));
            return true;
        });
    }

    @Override
    public void incrementStock(ProductId id, int quantity) {
        requirePositive(quantity);
        store.locked(() -> {
            Product stored = store.products.get(id);
            if (stored != null) {
                putStock(stored, Stock.of((int) Math.min((long) stored.stock() + quantity, Stock.MAX)));
            }
        });
    }

    @Override
    public OptionalInt adjustStock(ProductId id, int delta) {
        return store.locked(() -> {
            Product stored = store.products.get(id);
            if (stored == null) {
                return OptionalInt.empty();
            }
            Optional<Stock> moved = Stock.of(stored.stock()).movedBy(delta);
            moved.ifPresent(stock -> putStock(stored, stock));
            return moved.map(stock -> OptionalInt.of(stock.copies())).orElseGet(OptionalInt::empty);
        });
    }

    @Override
    public OptionalInt setStock(ProductId id, Stock stock) {
        return store.locked(() -> {
            Product stored = store.products.get(id);
            if (stored == null) {
                return OptionalInt.empty();
            }
            putStock(stored, stock);
            return OptionalInt.of(stock.copies());
        });
    }

    private void putStock(Product stored, Stock stock) {
        store.products.put(stored.id(), stored.withStoredStock(stock));
    }

    private List<Category> storedCategories(Product product) {
        return product.categories().stream()
                .map(c -> {
                    Category stored = store.categories.get(c.id());
                    InMemoryStore.requireReference(stored != null, "category " + c.id());
                    return stored;
                })
                .toList();
    }

    static Predicate<Product> matcher(ProductQuery query) {
        Predicate<Product> matches = p -> query.includeInactive() || p.active();
        if (query.inStockOnly()) {
            matches = matches.and(Product::inStock);
        }
        if (query.series().isPresent()) {
            String series = lower(query.series().get());
            matches = matches.and(
                    p -> p.details().series().map(s -> lower(s).equals(series)).orElse(false));
        }
        if (query.author().isPresent()) {
            String author = lower(query.author().get());
            matches = matches.and(p -> lower(p.details().author()).equals(author));
        }
        if (query.category().isPresent()) {
            Slug category = query.category().get();
            matches = matches.and(
                    p -> p.categories().stream().anyMatch(c -> c.slug().equals(category)));
        }
        if (query.minPrice().isPresent()) {
            long min = query.minPrice().get().cents();
            matches = matches.and(p -> p.price().cents() >= min);
        }
        if (query.maxPrice().isPresent()) {
            long max = query.maxPrice().get().cents();
            matches = matches.and(p -> p.price().cents() <= max);
        }
        return matches;
    }

    private static Comparator<ListingKey> keyOrder(ProductSort sort) {
        Comparator<ListingKey> primary = switch (sort) {
            case TITLE -> KEY_BY_TITLE;
            case TITLE_DESC -> KEY_BY_TITLE.reversed();
            case PRICE -> Comparator.comparingLong(ListingKey::priceCents);
            case PRICE_DESC -> Comparator.comparingLong(ListingKey::priceCents).reversed();
            case NEWEST -> Comparator.comparing(ListingKey::createdAt).reversed();
        };
        return primary.thenComparing(ListingKey::id, InMemoryStore.UUID_ORDER);
    }

    private static Comparator<Product> order(ProductSort sort) {
        Comparator<Product> primary = switch (sort) {
            case TITLE -> BY_TITLE;
            case TITLE_DESC -> BY_TITLE.reversed();
            case PRICE -> Comparator.comparing(Product::price);
            case PRICE_DESC -> Comparator.comparing(Product::price).reversed();
            case NEWEST -> Comparator.comparing(Product::createdAt).reversed();
        };
        return primary.thenComparing(BY_ID);
    }

    private static void requirePositive(int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1");
        }
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
