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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Lists read the ids of a page in one native query (their filters from {@link NativeFilters}), then its books by id
 * and the categories of all of them.
 */
final class JpaProductRepository implements ProductRepository {

    /** The notification channel of catalogue writes, the one the jOOQ adapter's listener hears. */
    static final String CATALOGUE_CHANNEL = "bookshop_catalogue";

    private static final String SEARCH_MATCH = "from products p" + NativeFilters.SEARCH_MATCH;

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

    /**
     * The admin's list: the ids of a page through the index of its order, then the books by id, as the shop's lists
     * read them; the total counted only when the page cannot tell it.
     */
    @Override
    public Page<Product> find(ProductQuery query) {
        NativeSource source = NativeSource.books(query);
        PageRequest page = query.page();
        return transactions.call(em -> {
            Query select = em.createNativeQuery(
                    "select p.id from products p" + source.filters().where() + " order by "
                            + order(query.sort(), source) + " limit :limit offset :offset");
            source.filters().bind(select);
            select.setParameter("limit", page.size());
            select.setParameter("offset", page.offset());
            @SuppressWarnings("unchecked")
            List<UUID> ids = select.getResultList();
            long total = Paging.total(ids.size(), page, () -> {
                Query count = em.createNativeQuery(
                        "select count(*) from products p" + source.filters().where());
                source.filters().bind(count);
                return ((Number) count.getSingleResult()).longValue();
            });
            return Page.of(withCategories(em, byId(em, ids)), page, total);
        });
    }

    /**
     * The shop's lists, in native SQL as the jOOQ adapter writes them: a category page reads the shelf rows' copied
     * sort keys (kept by the V7 triggers) through a (category, keys, id) index, which JPQL cannot name; every other list
     * reads {@code products} through the index of its order. Keys of the page plus one row, then the books by id.
     */
    @Override
    public Listing list(ProductQuery query, Optional<ListingKey> after, int window) {
        NativeSource source = NativeSource.of(query);
        PageRequest page = query.page();
        Map<String, Object> parameters = new LinkedHashMap<>(source.filters().parameters());
        String afterKey = after.map(key -> " and " + after(query.sort(), source, key, parameters))
                .orElse("");
        String select = "select " + source.id() + ", " + source.title() + ", " + source.price() + ", "
                + source.created() + ", cast(0 as real) from " + source.from()
                + source.filters().where() + afterKey
                + " order by " + order(query.sort(), source) + " limit :limit offset :offset";
        return transactions.call(em -> {
            return listing(
                    em,
                    keys(em, select, parameters, page, after.isPresent()),
                    page,
                    after.isPresent(),
                    () -> {
                        Query count = em.createNativeQuery("select count(*) from (select 1 from " + source.from()
                                + source.filters().where() + " limit :bound) matching");
                        source.filters().bind(count);
                        count.setParameter("bound", window + 1);
                        return ((Number) count.getSingleResult()).longValue();
                    },
                    window,
                    book -> !query.inStockOnly() || book.inStock());
        });
    }

    /**
     * Ranks at most {@code window} of the books the words match, whichever the full-text index yields first, so the
     * cost stays bounded however common the words; below the window every match is ranked. The same read of up to
     * {@code window + 1} matches gives the bounded total, next to every row of the page: no second pass over them.
     */
    @Override
    public Listing search(String text, PageRequest page, Optional<ListingKey> after, int window) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("text", text);
        parameters.put("window", window + 1);
        parameters.put("ranked", window);
        String keyset = after.map(key -> {
                    parameters.put("afterTitle", key.title());
                    parameters.put("afterId", key.id());
                    String rank = "cast('" + Float.toString(key.rank()) + "' as real)";
                    return " and (c.rank < " + rank + " or (c.rank = " + rank
                            + " and (lower(c.title) collate \"C\", c.title collate \"C\", c.id)"
                            + " > (lower(:afterTitle) collate \"C\", cast(:afterTitle as text) collate \"C\", :afterId)))";
                })
                .orElse("");
        String select = "select c.id, c.title, c.price_cents, c.created_at, c.rank, c.matched from (select m.*,"
                + " count(*) over () matched, row_number() over () yielded from (select p.id, p.title,"
                + " p.price_cents, p.created_at, ts_rank(p.search_vector, websearch_to_tsquery('simple', :text)) rank "
                + SEARCH_MATCH + " limit :window) m) c where c.yielded <= :ranked" + keyset
                + " order by c.rank desc, lower(c.title) collate \"C\", c.title collate \"C\", c.id"
                + " limit :limit offset :offset";
        return transactions.call(em -> {
            List<Object[]> rows = rows(em, select, parameters, page, after.isPresent());
            return listing(
                    em,
                    keysOf(rows),
                    page,
                    after.isPresent(),
                    // A page past the end (or a cursor after the last match) has no row to carry the total.
                    () -> rows.isEmpty()
                            ? ((Number) em.createNativeQuery("select count(*) from (select 1 " + SEARCH_MATCH
                                                    + " limit :bound) m")
                                            .setParameter("text", text)
                                            .setParameter("bound", window + 1)
                                            .getSingleResult())
                                    .longValue()
                            : ((Number) rows.getFirst()[5]).longValue(),
                    window,
                    Product::active);
        });
    }

    /**
     * The keys of the page and of one row more, which tells whether more follow: {@code select} ends in {@code limit
     * :limit offset :offset}, and a page by cursor starts right after its key, at no offset.
     */
    private static List<ListingKey> keys(
            EntityManager em, String select, Map<String, Object> parameters, PageRequest page, boolean byCursor) {
        return keysOf(rows(em, select, parameters, page, byCursor));
    }

    /** The rows of {@link #keys}: id, title, price, creation time and rank first, then whatever else was selected. */
    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(
            EntityManager em, String select, Map<String, Object> parameters, PageRequest page, boolean byCursor) {
        Query rows = em.createNativeQuery(select);
        parameters.forEach(rows::setParameter);
        rows.setParameter("limit", page.size() + 1);
        rows.setParameter("offset", byCursor ? 0 : page.offset());
        return (List<Object[]>) rows.getResultList();
    }

    private static List<ListingKey> keysOf(List<Object[]> rows) {
        return rows.stream()
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
        // A book withdrawn or sold out since its key was read is left out of the page, not shown stale.
        List<Product> items =
                withCategories(em, byId(em, ids)).stream().filter(stillFits).toList();
        boolean lastNumbered = !byCursor && !more && (!keys.isEmpty() || page.page() == 1);
        long counted = lastNumbered ? page.offset() + keys.size() : count.getAsLong();
        return Listing.counted(items, more ? Optional.of(shown.getLast()) : Optional.empty(), counted, window);
    }

    /** The books of {@code ids} in that order, one deleted since its id was read left out. */
    private static List<ProductEntity> byId(EntityManager em, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, ProductEntity> byId = new HashMap<>();
        em.createQuery("select p from ProductEntity p where p.id in :ids", ProductEntity.class)
                .setParameter("ids", ids)
                .getResultStream()
                .forEach(row -> byId.put(row.id, row));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private static String order(ProductSort sort, NativeSource s) {
        return switch (sort) {
            case TITLE -> s.titleKey() + ", " + s.title() + ", " + s.id();
            case TITLE_DESC -> s.titleKey() + " desc, " + s.title() + " desc, " + s.id();
            case PRICE -> s.price() + ", " + s.id();
            case PRICE_DESC -> s.price() + " desc, " + s.id();
            case NEWEST -> s.created() + " desc, " + s.id();
        };
    }

    /** The rows strictly after {@code key} in the order of {@code sort}; the first key column bounds the index scan. */
    private static String after(ProductSort sort, NativeSource s, ListingKey key, Map<String, Object> parameters) {
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

    /** A list's source in native SQL: the shelf rows for a shop's category page, else the books; its filters. */
    private record NativeSource(
            String from,
            String id,
            String titleKey,
            String title,
            String price,
            String created,
            NativeFilters filters) {

        static NativeSource of(ProductQuery query) {
            if (query.category().isPresent() && !query.includeInactive()) {
                String from = query.series().isPresent() || query.author().isPresent()
                        ? "product_categories pc join products p on p.id = pc.product_id"
                        : "product_categories pc";
                return new NativeSource(
                        from,
                        "pc.product_id",
                        "pc.title_key",
                        "pc.title",
                        "pc.price_cents",
                        "pc.created_at",
                        NativeFilters.shelfRows(query));
            }
            return books(query);
        }

        /** The books themselves, a category by EXISTS over its shelf rows. */
        static NativeSource books(ProductQuery query) {
            return new NativeSource(
                    "products p",
                    "p.id",
                    "(lower(p.title) collate \"C\")",
                    "(p.title collate \"C\")",
                    "p.price_cents",
                    "p.created_at",
                    NativeFilters.books(query, !query.includeInactive(), NativeFilters.SHELF_BY_SLUG));
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
