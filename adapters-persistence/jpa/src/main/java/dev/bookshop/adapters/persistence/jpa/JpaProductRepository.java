package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.catalog.query.Listing;
import dev.bookshop.application.catalog.query.ListingKey;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.ProductSort;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.order.OrderStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Books in {@code products}, their shelves in {@code product_categories}. Stock only moves through single conditional
 * UPDATE statements, so the row lock PostgreSQL takes for the update is all the concurrency control checkout needs (an
 * admin writing from a read holds the lock first, {@link #lockById}); the entity's stock column is not updatable, so no flush of an edited entity can write back a stock it read earlier.
 * Lists read a page of products in one query and the categories of all of them in a second.
 */
final class JpaProductRepository implements ProductRepository {

    /** The notification channel of catalogue writes, the one the jOOQ adapter's listener hears. */
    static final String CATALOGUE_CHANNEL = "bookshop_catalogue";

    /**
     * Titles sort ignoring case, then by code point: independent of the server's locale, and the same order the other
     * adapters use. Matches the index {@code products_title_idx}.
     */
    private static final String TITLE_FOLDED = "collate(lower(p.title) as " + Collations.CODE_POINT + ")";

    private static final String TITLE_EXACT = "collate(p.title as " + Collations.CODE_POINT + ")";

    /**
     * Full-text search runs as native SQL: JPQL knows neither the generated {@code search_vector} column nor text-search
     * operators. {@code 'simple'} is the configuration the column was built with.
     */
    private static final String SEARCH_MATCH =
            "from products p where p.active and p.search_vector @@ websearch_to_tsquery('simple', :text)";

    private final JpaTransactionRunner transactions;

    JpaProductRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean insertIfSlugFree(Product product) {
        ProductEntity row = ProductMapper.toNewEntity(product);
        return transactions.call(em -> {
            int inserted = em.createQuery("""
                            insert into ProductEntity (id, slug, title, author, series, description, isbn,
                                                       priceCents, stock, active, createdAt, updatedAt, version)
                            values (:id, :slug, :title, :author, :series, :description, :isbn,
                                    :priceCents, :stock, :active, :createdAt, :updatedAt, :version)
                            on conflict do nothing""")
                    .setParameter("id", row.id)
                    .setParameter("slug", row.slug)
                    .setParameter("title", row.title)
                    .setParameter("author", row.author)
                    .setParameter("series", row.series)
                    .setParameter("description", row.description)
                    .setParameter("isbn", row.isbn)
                    .setParameter("priceCents", row.priceCents)
                    .setParameter("stock", row.stock)
                    .setParameter("active", row.active)
                    .setParameter("createdAt", row.createdAt)
                    .setParameter("updatedAt", row.updatedAt)
                    .setParameter("version", row.version)
                    .executeUpdate();
            if (inserted == 0) {
                return false;
            }
            if (!product.categories().isEmpty()) {
                shelve(em, em.find(ProductEntity.class, row.id), product.categories());
            }
            announce(em, row.id);
            return true;
        });
    }

    @Override
    public void update(Product product) {
        transactions.run(em -> {
            ProductEntity row = em.find(ProductEntity.class, product.id().value());
            if (row == null) {
                return;
            }
            ProductMapper.copyEditableColumns(product, row);
            shelve(em, row, product.categories());
            announce(em, row.id);
        });
    }

    /**
     * Makes the product's shelves exactly {@code categories}, unlinking and linking only what changed: the flush then
     * deletes and inserts just those rows of {@code product_categories}.
     */
    private static void shelve(EntityManager em, ProductEntity row, Collection<Category> categories) {
        Set<UUID> wanted = categories.stream().map(c -> c.id().value()).collect(Collectors.toSet());
        row.categories.removeIf(linked -> !wanted.contains(linked.id));
        Set<UUID> linked = row.categories.stream().map(c -> c.id).collect(Collectors.toSet());
        for (UUID categoryId : wanted) {
            if (!linked.contains(categoryId)) {
                row.categories.add(em.getReference(CategoryEntity.class, categoryId));
            }
        }
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        return transactions.call(em -> Optional.ofNullable(em.find(ProductEntity.class, id.value()))
                .map(row -> withCategories(em, List.of(row)).getFirst()));
    }

    /**
     * Refreshed under the lock: the persistence context may hold the entity from an earlier read of this transaction,
     * whose stock the bulk UPDATEs below never touch, or an older state another transaction has since committed.
     * Pending changes are flushed first, so the refresh cannot drop them.
     */
    @Override
    public Optional<Product> lockById(ProductId id) {
        return transactions.call(em -> {
            ProductEntity row = em.find(ProductEntity.class, id.value());
            if (row == null) {
                return Optional.<Product>empty();
            }
            em.flush();
            em.refresh(row, LockModeType.PESSIMISTIC_WRITE);
            return Optional.of(withCategories(em, List.of(row)).getFirst());
        });
    }

    @Override
    public int reservedCopies(ProductId id) {
        List<String> reserving = Arrays.stream(OrderStatus.values())
                .filter(OrderStatus::reservesStock)
                .map(Enum::name)
                .toList();
        return transactions
                .call(em -> em.createQuery(
                                "select coalesce(sum(i.quantity), 0) from OrderEntity o join o.items i"
                                        + " where i.productId = :id and o.status in :reserving",
                                Long.class)
                        .setParameter("id", id.value())
                        .setParameter("reserving", reserving)
                        .getSingleResult())
                .intValue();
    }

    @Override
    public Optional<Product> findBySlug(Slug slug) {
        return transactions.call(em -> em.createQuery(
                        "select p from ProductEntity p where p.slug = :slug", ProductEntity.class)
                .setParameter("slug", slug.value())
                .getResultStream()
                .findFirst()
                .map(row -> withCategories(em, List.of(row)).getFirst()));
    }

    @Override
    public List<Product> findAllById(Collection<ProductId> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return transactions.call(em -> withCategories(
                em,
                em.createQuery("select p from ProductEntity p where p.id in :ids order by p.id", ProductEntity.class)
                        .setParameter("ids", ids.stream().map(ProductId::value).toList())
                        .getResultList()));
    }

    @Override
    public Page<Product> find(ProductQuery query) {
        Filter filter = Filter.of(query);
        PageRequest page = query.page();
        return transactions.call(em -> {
            TypedQuery<ProductEntity> select = em.createQuery(
                    "select p from ProductEntity p" + filter.where() + order(query), ProductEntity.class);
            filter.bind(select);
            List<ProductEntity> rows = Paging.page(select, page);
            long total = Paging.total(rows.size(), page, () -> {
                TypedQuery<Long> count =
                        em.createQuery("select count(p) from ProductEntity p" + filter.where(), Long.class);
                filter.bind(count);
                return count.getSingleResult();
            });
            return Page.of(withCategories(em, rows), page, total);
        });
    }

    private static String order(ProductQuery query) {
        return switch (query.sort()) {
            case TITLE -> " order by " + TITLE_FOLDED + ", " + TITLE_EXACT + ", p.id";
            case TITLE_DESC -> " order by " + TITLE_FOLDED + " desc, " + TITLE_EXACT + " desc, p.id";
            case PRICE -> " order by p.priceCents, p.id";
            case PRICE_DESC -> " order by p.priceCents desc, p.id";
            case NEWEST -> " order by p.createdAt desc, p.id";
        };
    }

    /** The query's filters as a JPQL where clause and its parameters. */
    private record Filter(List<String> conditions, Map<String, Object> parameters) {

        static Filter of(ProductQuery query) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> parameters = new LinkedHashMap<>();
            if (!query.includeInactive()) {
                conditions.add("p.active = true");
            }
            query.series().ifPresent(series -> {
                conditions.add("lower(p.series) = :series");
                parameters.put("series", series.strip().toLowerCase(Locale.ROOT));
            });
            query.author().ifPresent(author -> {
                conditions.add("lower(p.author) = :author");
                parameters.put("author", author.strip().toLowerCase(Locale.ROOT));
            });
            query.category().ifPresent(slug -> {
                conditions.add("exists (select 1 from p.categories c where c.slug = :category)");
                parameters.put("category", slug.value());
            });
            query.minPrice().ifPresent(min -> {
                conditions.add("p.priceCents >= :minPrice");
                parameters.put("minPrice", min.cents());
            });
            query.maxPrice().ifPresent(max -> {
                conditions.add("p.priceCents <= :maxPrice");
                parameters.put("maxPrice", max.cents());
            });
            if (query.inStockOnly()) {
                conditions.add("p.stock > 0");
            }
            return new Filter(conditions, parameters);
        }

        String where() {
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }

        void bind(Query query) {
            parameters.forEach(query::setParameter);
        }
    }

    /**
     * The shop's lists, in native SQL as the jOOQ adapter writes them: a category page reads the shelf rows' copied
     * sort keys (kept by the V7 triggers) through a (category, keys, id) index, which JPQL cannot name; every other list
     * reads {@code products} through the index of its order. Keys of the page plus one row, then the books by id.
     */
    @Override
    public Listing list(ProductQuery query, Optional<ListingKey> after, int window) {
        NativeFilter source = NativeFilter.of(query);
        PageRequest page = query.page();
        String keyset = after.map(key -> " and " + after(query.sort(), source, key, source.parameters()))
                .orElse("");
        String select = "select " + source.id() + ", " + source.title() + ", " + source.price() + ", "
                + source.created() + ", cast(0 as real) from " + source.from() + source.where() + keyset
                + " order by " + order(query.sort(), source) + " limit :limit offset :offset";
        return transactions.call(em -> {
            Query rows = em.createNativeQuery(select);
            source.parameters().forEach(rows::setParameter);
            rows.setParameter("limit", page.size() + 1);
            rows.setParameter("offset", after.isPresent() ? 0 : page.offset());
            return listing(
                    em,
                    keys(rows),
                    page,
                    after.isPresent(),
                    () -> {
                        Query count = em.createNativeQuery("select count(*) from (select 1 from " + source.from()
                                + source.where() + " limit :bound) matching");
                        source.parameters().entrySet().stream()
                                .filter(e -> !e.getKey().startsWith("after"))
                                .forEach(e -> count.setParameter(e.getKey(), e.getValue()));
                        count.setParameter("bound", window + 1);
                        return ((Number) count.getSingleResult()).longValue();
                    },
                    window,
                    book -> !query.inStockOnly() || book.inStock());
        });
    }

    /**
     * Ranks at most {@code window} of the books the words match, whichever the full-text index yields first, so the
     * cost stays bounded however common the words; below the window every match is ranked.
     */
    @Override
    public Listing search(String text, PageRequest page, Optional<ListingKey> after, int window) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("text", text);
        parameters.put("window", window);
        String keyset = after.map(key -> {
                    parameters.put("afterTitle", key.title());
                    parameters.put("afterId", key.id());
                    String rank = "cast('" + Float.toString(key.rank()) + "' as real)";
                    return " where c.rank < " + rank + " or (c.rank = " + rank
                            + " and (lower(c.title) collate \"C\", c.title collate \"C\", c.id)"
                            + " > (lower(:afterTitle) collate \"C\", cast(:afterTitle as text) collate \"C\", :afterId))";
                })
                .orElse("");
        String select = "select c.id, c.title, c.price_cents, c.created_at, c.rank from (select p.id, p.title,"
                + " p.price_cents, p.created_at, ts_rank(p.search_vector, websearch_to_tsquery('simple', :text)) rank "
                + SEARCH_MATCH + " limit :window) c" + keyset
                + " order by c.rank desc, lower(c.title) collate \"C\", c.title collate \"C\", c.id"
                + " limit :limit offset :offset";
        return transactions.call(em -> {
            Query rows = em.createNativeQuery(select);
            parameters.forEach(rows::setParameter);
            rows.setParameter("limit", page.size() + 1);
            rows.setParameter("offset", after.isPresent() ? 0 : page.offset());
            return listing(
                    em,
                    keys(rows),
                    page,
                    after.isPresent(),
                    () -> ((Number) em.createNativeQuery(
                                            "select count(*) from (select 1 " + SEARCH_MATCH + " limit :bound) m")
                                    .setParameter("text", text)
                                    .setParameter("bound", window + 1)
                                    .getSingleResult())
                            .longValue(),
                    window,
                    Product::active);
        });
    }

    @SuppressWarnings("unchecked")
    private static List<ListingKey> keys(Query rows) {
        return ((List<Object[]>) rows.getResultList())
                .stream()
                        .map(row -> new ListingKey(
                                (String) row[1],
                                ((Number) row[2]).longValue(),
                                instant(row[3]),
                                (UUID) row[0],
                                ((Number) row[4]).floatValue()))
                        .toList();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            default -> throw new IllegalStateException("not a timestamp: " + value.getClass());
        };
    }

    /** The page of {@code keys} (one more row than the page when more follow), its books read by id. */
    private static Listing listing(
            EntityManager em,
            List<ListingKey> keys,
            PageRequest page,
            boolean byCursor,
            java.util.function.LongSupplier count,
            int window,
            java.util.function.Predicate<Product> stillFits) {
        boolean more = keys.size() > page.size();
        List<ListingKey> shown = more ? keys.subList(0, page.size()) : keys;
        List<UUID> ids = shown.stream().map(ListingKey::id).toList();
        Map<UUID, ProductEntity> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select p from ProductEntity p where p.id in :ids", ProductEntity.class)
                    .setParameter("ids", ids)
                    .getResultStream()
                    .forEach(row -> byId.put(row.id, row));
        }
        List<ProductEntity> rows =
                ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        // A book withdrawn or sold out since its key was read is left out of the page, not shown stale.
        List<Product> items =
                withCategories(em, rows).stream().filter(stillFits).toList();
        boolean lastNumbered = !byCursor && !more && (!keys.isEmpty() || page.page() == 1);
        long counted = lastNumbered ? page.offset() + keys.size() : count.getAsLong();
        return Listing.counted(items, more ? Optional.of(shown.getLast()) : Optional.empty(), counted, window);
    }

    private static String order(ProductSort sort, NativeFilter s) {
        return switch (sort) {
            case TITLE -> s.titleKey() + ", " + s.title() + ", " + s.id();
            case TITLE_DESC -> s.titleKey() + " desc, " + s.title() + " desc, " + s.id();
            case PRICE -> s.price() + ", " + s.id();
            case PRICE_DESC -> s.price() + " desc, " + s.id();
            case NEWEST -> s.created() + " desc, " + s.id();
        };
    }

    /** The rows strictly after {@code key} in the order of {@code sort}; the first key column bounds the index scan. */
    private static String after(ProductSort sort, NativeFilter s, ListingKey key, Map<String, Object> parameters) {
        parameters.put("afterId", key.id());
        switch (sort) {
            case TITLE, TITLE_DESC -> parameters.put("afterTitle", key.title());
            case PRICE, PRICE_DESC -> parameters.put("afterPrice", key.priceCents());
            case NEWEST -> parameters.put("afterCreated", OffsetDateTime.ofInstant(key.createdAt(), ZoneOffset.UTC));
        }
        String titleKey = "(lower(cast(:afterTitle as text)) collate \"C\")";
        String title = "(cast(:afterTitle as text) collate \"C\")";
        String created = "cast(:afterCreated as timestamptz)";
        return switch (sort) {
            case TITLE ->
                "(" + s.titleKey() + ", " + s.title() + ", " + s.id() + ") > (" + titleKey + ", " + title
                        + ", :afterId)";
            case TITLE_DESC ->
                s.titleKey() + " <= " + titleKey + " and (" + s.titleKey() + " < " + titleKey + " or ("
                        + s.titleKey() + " = " + titleKey + " and (" + s.title() + " < " + title + " or (" + s.title()
                        + " = " + title + " and " + s.id() + " > :afterId))))";
            case PRICE -> "(" + s.price() + ", " + s.id() + ") > (:afterPrice, :afterId)";
            case PRICE_DESC ->
                s.price() + " <= :afterPrice and (" + s.price() + " < :afterPrice or " + s.id() + " > :afterId)";
            case NEWEST ->
                s.created() + " <= " + created + " and (" + s.created() + " < " + created + " or " + s.id()
                        + " > :afterId)";
        };
    }

    /** A shop list's source and filters in native SQL: the shelf rows for a category, else the books. */
    private record NativeFilter(
            String from,
            String id,
            String titleKey,
            String title,
            String price,
            String created,
            List<String> conditions,
            Map<String, Object> parameters) {

        static NativeFilter of(ProductQuery query) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> parameters = new LinkedHashMap<>();
            query.series().ifPresent(series -> {
                conditions.add("lower(p.series) = :series");
                parameters.put("series", series.strip().toLowerCase(Locale.ROOT));
            });
            query.author().ifPresent(author -> {
                conditions.add("lower(p.author) = :author");
                parameters.put("author", author.strip().toLowerCase(Locale.ROOT));
            });
            query.minPrice().ifPresent(min -> parameters.put("minPrice", min.cents()));
            query.maxPrice().ifPresent(max -> parameters.put("maxPrice", max.cents()));
            if (query.category().isPresent() && !query.includeInactive()) {
                parameters.put("category", query.category().get().value());
                conditions.add("pc.category_id = (select c.id from categories c where c.slug = :category)");
                conditions.add("pc.active");
                query.minPrice().ifPresent(min -> conditions.add("pc.price_cents >= :minPrice"));
                query.maxPrice().ifPresent(max -> conditions.add("pc.price_cents <= :maxPrice"));
                if (query.inStockOnly()) {
                    conditions.add("pc.in_stock");
                }
                String from = query.series().isPresent() || query.author().isPresent()
                        ? "product_categories pc join products p on p.id = pc.product_id"
                        : "product_categories pc";
                return new NativeFilter(
                        from,
                        "pc.product_id",
                        "pc.title_key",
                        "pc.title",
                        "pc.price_cents",
                        "pc.created_at",
                        conditions,
                        parameters);
            }
            if (!query.includeInactive()) {
                conditions.add("p.active");
            }
            query.category().ifPresent(slug -> {
                parameters.put("category", slug.value());
                conditions.add("exists (select 1 from product_categories pc join categories c on c.id = pc.category_id"
                        + " where pc.product_id = p.id and c.slug = :category)");
            });
            query.minPrice().ifPresent(min -> conditions.add("p.price_cents >= :minPrice"));
            query.maxPrice().ifPresent(max -> conditions.add("p.price_cents <= :maxPrice"));
            if (query.inStockOnly()) {
                conditions.add("p.stock > 0");
            }
            return new NativeFilter(
                    "products p",
                    "p.id",
                    "(lower(p.title) collate \"C\")",
                    "(p.title collate \"C\")",
                    "p.price_cents",
                    "p.created_at",
                    conditions,
                    parameters);
        }

        String where() {
            return conditions.isEmpty() ? " where true" : " where " + String.join(" and ", conditions);
        }
    }

    /** The products, in the given order, with their categories read for all of them in one query. */
    private static List<Product> withCategories(EntityManager em, List<ProductEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Category>> byProduct = new HashMap<>();
        em.createQuery(
                        "select p.id as productId, c as category from ProductEntity p join p.categories c"
                                + " where p.id in :ids",
                        Tuple.class)
                .setParameter("ids", rows.stream().map(row -> row.id).toList())
                .getResultStream()
                .forEach(tuple -> byProduct
                        .computeIfAbsent(tuple.get("productId", UUID.class), k -> new ArrayList<>())
                        .add(CategoryMapper.toDomain(tuple.get("category", CategoryEntity.class))));
        return rows.stream()
                .map(row -> ProductMapper.toDomain(row, byProduct.getOrDefault(row.id, List.of())))
                .toList();
    }

    @Override
    public boolean decrementStock(ProductId id, int quantity) {
        requirePositive(quantity);
        return transactions.call(em -> {
            boolean taken = em.createQuery("""
                                    update ProductEntity p set p.stock = p.stock - :quantity
                                    where p.id = :id and p.stock >= :quantity""")
                            .setParameter("quantity", quantity)
                            .setParameter("id", id.value())
                            .executeUpdate()
                    == 1;
            // The last copy went: the book leaves every in-stock list, which other instances may keep.
            if (taken && stockAfterOwnUpdate(em, id) == 0) {
                announce(em, id.value());
            }
            return taken;
        });
    }

    @Override
    public void incrementStock(ProductId id, int quantity) {
        requirePositive(quantity);
        // Summed as a long, so the sum cannot wrap before it is capped.
        transactions.run(em -> {
            int updated = em.createQuery("""
                            update ProductEntity p
                            set p.stock = cast(least(cast(p.stock as Long) + :quantity, :largest) as Integer)
                            where p.id = :id""")
                    .setParameter("quantity", (long) quantity)
                    .setParameter("largest", (long) Stock.MAX)
                    .setParameter("id", id.value())
                    .executeUpdate();
            // Back from sold out: the book joins the in-stock lists again.
            if (updated == 1 && stockAfterOwnUpdate(em, id) == quantity) {
                announce(em, id.value());
            }
        });
    }

    @Override
    public OptionalInt adjustStock(ProductId id, int delta) {
        return transactions.call(em -> {
            int updated = em.createQuery("""
                            update ProductEntity p set p.stock = p.stock + :delta
                            where p.id = :id and cast(p.stock as Long) + :wide between 0 and :largest""")
                    .setParameter("delta", delta)
                    // Checked as a long, so a huge delta is refused instead of overflowing the integer column.
                    .setParameter("wide", (long) delta)
                    .setParameter("largest", (long) Stock.MAX)
                    .setParameter("id", id.value())
                    .executeUpdate();
            announce(em, id.value());
            return updated == 1 ? OptionalInt.of(stockAfterOwnUpdate(em, id)) : OptionalInt.empty();
        });
    }

    @Override
    public OptionalInt setStock(ProductId id, Stock stock) {
        return transactions.call(em -> {
            int updated = em.createQuery("update ProductEntity p set p.stock = :stock where p.id = :id")
                    .setParameter("stock", stock.copies())
                    .setParameter("id", id.value())
                    .executeUpdate();
            announce(em, id.value());
            return updated == 1 ? OptionalInt.of(stockAfterOwnUpdate(em, id)) : OptionalInt.empty();
        });
    }

    /**
     * The stock this transaction's UPDATE just wrote. The update holds the row's lock until commit, so no other
     * transaction can move the stock between the two statements. Read as a scalar, never through a cached entity.
     */
    private static int stockAfterOwnUpdate(EntityManager em, ProductId id) {
        return em.createQuery("select p.stock from ProductEntity p where p.id = :id", Integer.class)
                .setParameter("id", id.value())
                .getSingleResult();
    }

    /**
     * Tells every instance listening on the catalogue channel that this book changed, in this transaction: the
     * notification is delivered when, and only if, it commits. This adapter keeps no catalogue cache itself; an
     * instance on the jOOQ adapter beside it does, and forgets on hearing this.
     */
    private static void announce(EntityManager em, UUID id) {
        em.createNativeQuery("select pg_notify(?1, ?2)")
                .setParameter(1, CATALOGUE_CHANNEL)
                .setParameter(2, id.toString())
                .getSingleResult();
    }

    private static void requirePositive(int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }
}
