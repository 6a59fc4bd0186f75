package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.CATEGORIES;
import static dev.bookshop.adapters.persistence.jooq.generated.Tables.ORDERS;
import static dev.bookshop.adapters.persistence.jooq.generated.Tables.ORDER_ITEMS;
import static dev.bookshop.adapters.persistence.jooq.generated.Tables.PRODUCTS;
import static dev.bookshop.adapters.persistence.jooq.generated.Tables.PRODUCT_CATEGORIES;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.ProductsRecord;
import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.catalog.query.Listing;
import dev.bookshop.application.catalog.query.ListingKey;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.ProductSort;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.CategoryId;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.catalog.Stock;
import dev.bookshop.domain.common.Slug;
import dev.bookshop.domain.order.OrderStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep2;
import org.jooq.Record;
import org.jooq.Record3;
import org.jooq.Record4;
import org.jooq.Record6;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.SortField;
import org.jooq.conf.SettingsTools;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Books in {@code products}, their shelves in {@code product_categories}. Stock only moves through single conditional
 * UPDATE statements, so the row lock PostgreSQL takes for the update is all the concurrency control checkout needs;
 * an admin who writes from what they read (a shelf count, an edit) holds that lock first with {@link #lockById}.
 */
final class JooqProductRepository implements ProductRepository {

    /** The text-search configuration the generated {@code search_vector} column was built with. */
    private static final String SEARCH_CONFIG = "simple";

    // Not among the generated columns: lists therefore name PRODUCTS.fields() rather than products.*, which would
    // drag the vector along.
    private static final Field<Object> SEARCH_VECTOR = DSL.field(DSL.name("products", "search_vector"));

    /**
     * Titles sort ignoring case, then by code point: independent of the server's locale, and the same order the other
     * adapters use. Matches the index {@code products_title_idx}.
     */
    private static final Field<String> TITLE_FOLDED = DSL.lower(PRODUCTS.TITLE).collate("C");

    private static final Field<String> TITLE_EXACT = PRODUCTS.TITLE.collate("C");

    /**
     * A book's categories, read in the same statement as the book (a correlated subquery that PostgreSQL answers as
     * one JSON array), so a page of books or a single book costs one round trip rather than two.
     */
    private static final Field<Result<Record3<UUID, String, String>>> SHELVES = DSL.multiset(
                    DSL.select(CATEGORIES.ID, CATEGORIES.SLUG, CATEGORIES.NAME)
                            .from(PRODUCT_CATEGORIES)
                            .join(CATEGORIES)
                            .on(CATEGORIES.ID.eq(PRODUCT_CATEGORIES.CATEGORY_ID))
                            .where(PRODUCT_CATEGORIES.PRODUCT_ID.eq(PRODUCTS.ID)))
            .as("categories");

    private final DSLContext dsl;

    /**
     * The same context, sending list and search queries with their values inline. A prepared statement that the
     * driver reuses gets a generic plan from PostgreSQL after five runs, planned without knowing the values: for a
     * search that means reading every book to match the words rather than taking the full-text index (measured in
     * docs/PERFORMANCE.md), and for a list filter a plan that fits one price range or category but not the next.
     */
    private final DSLContext catalogue;

    // What every read of a book asks the database (see current) and checkout's stock decrement, rendered once (see
    // Prepared).
    private final Prepared currentById;
    private final Prepared currentBySlug;
    private final Prepared currentByIds;
    private final Prepared takeCopies;

    private final KeptBooks books;

    private final KnownPages pages;

    private final CatalogueCaches caches;

    private final JooqTransactionRunner transactions;

    JooqProductRepository(DSLContext dsl, JooqTransactionRunner transactions) {
        this(dsl, transactions, new CatalogueCaches(), Duration.ZERO);
    }

    /** {@code settle}: see {@link KnownPages}; zero on the primary, the replica's allowed lag on a replica. */
    JooqProductRepository(DSLContext dsl, JooqTransactionRunner transactions, CatalogueCaches caches, Duration settle) {
        this.dsl = dsl;
        this.transactions = transactions;
        this.caches = caches;
        this.books = caches.newBooks(transactions::whenDone);
        this.pages = caches.newPages(transactions::whenDone, settle);
        this.catalogue = dsl.configuration()
                .derive(SettingsTools.clone(dsl.settings()).withStatementType(StatementType.STATIC_STATEMENT))
                .dsl();
        this.currentById = current(dsl, PRODUCTS.ID.eq(DSL.param("id", UUID.class)));
        this.currentBySlug = current(dsl, PRODUCTS.SLUG.eq(DSL.param("slug", String.class)));
        this.currentByIds = current(dsl, PRODUCTS.ID.eq(DSL.any(DSL.param("ids", UUID[].class))));
        // Values: quantity, id, quantity.
        this.takeCopies = Prepared.of(
                dsl,
                dsl.update(PRODUCTS)
                        .set(PRODUCTS.STOCK, PRODUCTS.STOCK.minus(DSL.param("quantity", Integer.class)))
                        .where(PRODUCTS.ID.eq(DSL.param("id", UUID.class)))
                        .and(PRODUCTS.STOCK.ge(DSL.param("quantity", Integer.class)))
                        .returning(PRODUCTS.STOCK));
    }

    private static Prepared current(DSLContext dsl, Condition condition) {
        return Prepared.of(
                dsl,
                dsl.select(PRODUCTS.ID, PRODUCTS.STOCK, PRODUCTS.ACTIVE, PRODUCTS.UPDATED_AT, PRODUCTS.VERSION)
                        .from(PRODUCTS)
                        .where(condition)
                        .orderBy(PRODUCTS.ID));
    }

    @Override
    public boolean insertIfSlugFree(Product product) {
        int inserted = dsl.insertInto(PRODUCTS)
                .set(ProductMapper.toRecord(product))
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            return false;
        }
        linkCategories(product);
        changed(product.id().value());
        return true;
    }

    @Override
    public void update(Product product) {
        ProductsRecord row = ProductMapper.toRecord(product);
        dsl.update(PRODUCTS)
                .set(PRODUCTS.TITLE, row.getTitle())
                .set(PRODUCTS.AUTHOR, row.getAuthor())
                .set(PRODUCTS.SERIES, row.getSeries())
                .set(PRODUCTS.DESCRIPTION, row.getDescription())
                .set(PRODUCTS.ISBN, row.getIsbn())
                .set(PRODUCTS.PRICE_CENTS, row.getPriceCents())
                .set(PRODUCTS.ACTIVE, row.getActive())
                .set(PRODUCTS.UPDATED_AT, row.getUpdatedAt())
                .set(PRODUCTS.VERSION, row.getVersion())
                .where(PRODUCTS.ID.eq(row.getId()))
                .execute();
        dsl.deleteFrom(PRODUCT_CATEGORIES)
                .where(PRODUCT_CATEGORIES.PRODUCT_ID.eq(row.getId()))
                .execute();
        linkCategories(product);
        changed(product.id().value());
        caches.forgetBook(product.id().value(), transactions::whenDone);
    }

    /**
     * Every page of every cache here forgotten now and once the transaction is over (a page read in between, before
     * the write could be seen, would otherwise be kept), and the other instances told in the same transaction, so
     * they hear of it when, and only if, it commits.
     */
    private void changed(UUID id) {
        caches.forget(transactions::whenDone);
        announce(id);
    }

    /** For a write whose old answers stay right until it commits. */
    private void changedOnceDone(UUID id) {
        caches.forgetOnceDone(transactions::whenDone);
        announce(id);
    }

    private void announce(UUID id) {
        dsl.select(DSL.function("pg_notify", Object.class, DSL.val(CatalogueCaches.CHANNEL), DSL.val(id.toString())))
                .fetch();
    }

    private void linkCategories(Product product) {
        if (product.categories().isEmpty()) {
            return;
        }
        InsertValuesStep2<?, UUID, UUID> insert =
                dsl.insertInto(PRODUCT_CATEGORIES, PRODUCT_CATEGORIES.PRODUCT_ID, PRODUCT_CATEGORIES.CATEGORY_ID);
        for (Category category : product.categories()) {
            insert = insert.values(product.id().value(), category.id().value());
        }
        insert.execute();
    }

    @Override
    public Optional<Product> findById(ProductId id) {
        return current(currentById.with(dsl, id.value())).stream().findFirst();
    }

    /**
     * Read whole, past {@link #books}: under the lock the row is the committed one, and a caller about to write from
     * it must not start from a copy.
     */
    @Override
    public Optional<Product> lockById(ProductId id) {
        return dsl.select(PRODUCTS.fields())
                .select(SHELVES)
                .from(PRODUCTS)
                .where(PRODUCTS.ID.eq(id.value()))
                .forUpdate()
                .of(PRODUCTS)
                .fetchOptional(JooqProductRepository::toDomain);
    }

    @Override
    public int reservedCopies(ProductId id) {
        List<String> reserving = Arrays.stream(OrderStatus.values())
                .filter(OrderStatus::reservesStock)
                .map(Enum::name)
                .toList();
        BigDecimal copies = dsl.select(DSL.coalesce(DSL.sum(ORDER_ITEMS.QUANTITY), BigDecimal.ZERO))
                .from(ORDER_ITEMS)
                .join(ORDERS)
                .on(ORDERS.ID.eq(ORDER_ITEMS.ORDER_ID))
                .where(ORDER_ITEMS.PRODUCT_ID.eq(id.value()))
                .and(ORDERS.STATUS.in(reserving))
                .fetchSingle()
                .value1();
        return copies.intValueExact();
    }

    @Override
    public Optional<Product> findBySlug(Slug slug) {
        return current(currentBySlug.with(dsl, slug.value())).stream().findFirst();
    }

    @Override
    public List<Product> findAllById(Collection<ProductId> ids) {
        return currentOf(ids.stream().map(ProductId::value).toList());
    }

    private List<Product> currentOf(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return current(currentByIds.with(dsl, (Object) ids.stream().distinct().toArray(UUID[]::new)));
    }

    /**
     * The books {@code query} finds, ordered by id: their stock, active flag and update time read now, the rest from
     * {@link #books} when it holds the same version, else read whole in a second statement.
     */
    private List<Product> current(ResultQuery<Record> query) {
        // By position (id, stock, active, updated_at, version): looking a column up by its field cost a list CPU time,
        // measured in docs/PERFORMANCE.md.
        List<KeptBooks.Version> versions = query.fetch(row -> new KeptBooks.Version(
                (UUID) row.get(0), (Integer) row.get(1), (Boolean) row.get(2), (Instant) row.get(3), (Long)
                        row.get(4)));
        return books.asOf(
                versions,
                toRead -> dsl.select(PRODUCTS.fields())
                        .select(SHELVES)
                        .from(PRODUCTS)
                        .where(PRODUCTS.ID.in(toRead))
                        .fetch(JooqProductRepository::toDomain));
    }

    @Override
    public Page<Product> find(ProductQuery query) {
        return readFresh(
                pages.page(query, () -> query(query)),
                query.page(),
                book -> (query.includeInactive() || book.active()) && (!query.inStockOnly() || book.inStock()));
    }

    /**
     * The books of a page, read by id (see {@link #current}); one that no longer fits the filters (it was withdrawn
     * or sold out on another instance since the page was found) is left out.
     */
    private Page<Product> readFresh(KnownPages.PageOfIds known, PageRequest page, Predicate<Product> stillFits) {
        Map<UUID, Product> read = new HashMap<>();
        for (Product book : currentOf(known.ids())) {
            read.put(book.id().value(), book);
        }
        List<Product> items = known.ids().stream()
                .map(read::get)
                .filter(book -> book != null && stillFits.test(book))
                .toList();
        return Paging.page(items, page, known.total());
    }

    /** Which books a page shows: their ids only, as the books themselves are read by {@link #current}. */
    private KnownPages.PageOfIds query(ProductQuery query) {
        Condition where = DSL.and(filters(query));
        PageRequest page = query.page();
        // Read through the index of its order: a count(*) over () here would make PostgreSQL read and sort every
        // matching row (the whole shop for an unfiltered list) for a page of twenty.
        List<UUID> ids = catalogue
                .select(PRODUCTS.ID)
                .from(PRODUCTS)
                .where(where)
                .orderBy(order(query))
                .limit(page.size())
                .offset(page.offset())
                .fetch(PRODUCTS.ID);
        return new KnownPages.PageOfIds(
                ids, total(ids, page, () -> pages.count(query, () -> catalogue.fetchCount(PRODUCTS, where))));
    }

    /** The filters of {@code query} on {@code products}, a category by EXISTS over its shelf rows. */
    private static List<Condition> filters(ProductQuery query) {
        return filters(query, !query.includeInactive(), JooqProductRepository::shelfBySlug);
    }

    /**
     * The filters of {@code query} on {@code products}, inactive books left out when {@code activeOnly}, the category
     * as {@code shelf} writes it: the lists and the facets read their filters from here.
     */
    static List<Condition> filters(ProductQuery query, boolean activeOnly, Function<Slug, Condition> shelf) {
        List<Condition> conditions = new ArrayList<>();
        if (activeOnly) {
            conditions.add(PRODUCTS.ACTIVE.isTrue());
        }
        conditions.addAll(wholeValueFilters(query));
        query.category().map(shelf).ifPresent(conditions::add);
        query.minPrice().ifPresent(min -> conditions.add(PRODUCTS.PRICE_CENTS.ge(min.cents())));
        query.maxPrice().ifPresent(max -> conditions.add(PRODUCTS.PRICE_CENTS.le(max.cents())));
        if (query.inStockOnly()) {
            conditions.add(PRODUCTS.IN_STOCK.isTrue());
        }
        return conditions;
    }

    private static Condition shelfBySlug(Slug category) {
        return DSL.exists(DSL.selectOne()
                .from(PRODUCT_CATEGORIES)
                .join(CATEGORIES)
                .on(CATEGORIES.ID.eq(PRODUCT_CATEGORIES.CATEGORY_ID))
                .where(PRODUCT_CATEGORIES.PRODUCT_ID.eq(PRODUCTS.ID))
                .and(CATEGORIES.SLUG.eq(category.value())));
    }

    /**
     * The page tells the total when it is the last one; otherwise the matching books are counted, and the count kept
     * for a few seconds (see {@link KnownPages#count}).
     */
    private static long total(List<?> items, PageRequest page, LongSupplier countAll) {
        if (items.size() < page.size() && (!items.isEmpty() || page.page() == 1)) {
            return page.offset() + items.size();
        }
        return countAll.getAsLong();
    }

    private static List<SortField<?>> order(ProductQuery query) {
        return switch (query.sort()) {
            case TITLE -> List.of(TITLE_FOLDED.asc(), TITLE_EXACT.asc(), PRODUCTS.ID.asc());
            case TITLE_DESC -> List.of(TITLE_FOLDED.desc(), TITLE_EXACT.desc(), PRODUCTS.ID.asc());
            case PRICE -> List.of(PRODUCTS.PRICE_CENTS.asc(), PRODUCTS.ID.asc());
            case PRICE_DESC -> List.of(PRODUCTS.PRICE_CENTS.desc(), PRODUCTS.ID.asc());
            case NEWEST -> List.of(PRODUCTS.CREATED_AT.desc(), PRODUCTS.ID.asc());
        };
    }

    private record ListCount(ProductQuery filters, int window) {}

    private record SearchCount(String text, int window) {}

    /**
     * Where a list reads its keys: {@code products} itself, or for a category the shelf rows, which carry their book's
     * sort keys (kept by the V7 triggers) so a page comes straight off a (category, keys, id) index.
     */
    private record Source(
            org.jooq.TableLike<?> from,
            Field<UUID> id,
            Field<String> titleKey,
            Field<String> title,
            Field<Long> price,
            Field<Instant> createdAt,
            List<Condition> conditions) {}

    /**
     * Reads ids and keys of one page plus one row (to know whether another page follows) through the index of the
     * order; counts at most {@code window + 1} matches, unless the page itself shows how many there are.
     */
    @Override
    public Listing list(ProductQuery query, Optional<ListingKey> after, int window) {
        Source source = source(query);
        PageRequest page = query.page();
        List<Condition> where = new ArrayList<>(source.conditions());
        after.ifPresent(key -> where.add(after(query.sort(), source, key)));
        Result<Record4<UUID, String, Long, Instant>> rows = catalogue
                .select(source.id(), source.title(), source.price(), source.createdAt())
                .from(source.from())
                .where(where)
                .orderBy(order(query.sort(), source))
                .limit(page.size() + 1)
                .offset(after.isPresent() ? 0 : page.offset())
                .fetch();
        List<ListingKey> keys = rows.map(r -> new ListingKey(r.value2(), r.value3(), r.value4(), r.value1(), 0f));
        LongSupplier count = () -> pages.bounded(
                new ListCount(query.withPage(PageRequest.first()), window),
                () -> boundedCount(source.from(), source.conditions(), window));
        return listing(
                keys,
                page,
                after.isPresent(),
                count,
                window,
                book -> (query.includeInactive() || book.active()) && (!query.inStockOnly() || book.inStock()));
    }

    /**
     * Ranks at most {@code window} of the books the words match (whichever the full-text index yields first), so the
     * cost stays bounded however common the words are; below the window every match is ranked. The same read of up to
     * {@code window + 1} matches gives the bounded total, next to every row of the page: no second pass over them.
     */
    @Override
    public Listing search(String text, PageRequest page, Optional<ListingKey> after, int window) {
        Field<Object> tsQuery = DSL.field(
                "websearch_to_tsquery({0}::regconfig, {1})", Object.class, DSL.inline(SEARCH_CONFIG), DSL.val(text));
        Condition matches = PRODUCTS.ACTIVE.isTrue().and(DSL.condition("{0} @@ {1}", SEARCH_VECTOR, tsQuery));
        Field<Float> rank = DSL.field("ts_rank({0}, {1})", Float.class, SEARCH_VECTOR, tsQuery)
                .as("rank");
        var matched = DSL.select(PRODUCTS.ID, PRODUCTS.TITLE, PRODUCTS.PRICE_CENTS, PRODUCTS.CREATED_AT, rank)
                .from(PRODUCTS)
                .where(matches)
                .limit(window + 1)
                .asTable("matched");
        // Numbered in the order the index yielded them, which is the order the limit above took them in.
        Field<Integer> yielded = DSL.rowNumber().over().as("yielded");
        var candidates = DSL.select(matched.fields())
                .select(Paging.TOTAL, yielded)
                .from(matched)
                .asTable("candidates");
        Field<UUID> id = candidates.field(PRODUCTS.ID);
        Field<String> title = candidates.field(PRODUCTS.TITLE);
        Field<Float> r = candidates.field(rank);
        Field<Integer> counted = candidates.field(Paging.TOTAL);
        Field<String> titleKey = DSL.lower(title).collate("C");
        Field<String> titleExact = title.collate("C");
        Condition where = after.map(key -> r.lt(realOf(key.rank()))
                        .or(r.eq(realOf(key.rank()))
                                .and(DSL.row(titleKey, titleExact, id)
                                        .gt(DSL.row(
                                                DSL.lower(DSL.val(key.title())).collate("C"),
                                                DSL.val(key.title()).collate("C"),
                                                DSL.val(key.id()))))))
                .orElse(DSL.noCondition())
                .and(candidates.field(yielded).le(window));
        Result<Record6<UUID, String, Long, Instant, Float, Integer>> rows = catalogue
                .select(
                        id,
                        title,
                        candidates.field(PRODUCTS.PRICE_CENTS),
                        candidates.field(PRODUCTS.CREATED_AT),
                        r,
                        counted)
                .from(candidates)
                .where(where)
                .orderBy(r.desc(), titleKey.asc(), titleExact.asc(), id.asc())
                .limit(page.size() + 1)
                .offset(after.isPresent() ? 0 : page.offset())
                .fetch();
        List<ListingKey> keys =
                rows.map(row -> new ListingKey(row.value2(), row.value3(), row.value4(), row.value1(), row.value5()));
        // A page past the end (or a cursor after the last match) has no row to carry the total: only then count.
        LongSupplier count = rows.isEmpty()
                ? () -> pages.bounded(
                        new SearchCount(text, window), () -> boundedCount(PRODUCTS, List.of(matches), window))
                : () -> rows.get(0).value6();
        return listing(keys, page, after.isPresent(), count, window, Product::active);
    }

    private static Field<Float> realOf(float rank) {
        return DSL.inline(rank).cast(SQLDataType.REAL);
    }

    /**
     * The page of {@code keys} (one row more than the page, if more follow). The total is known from the page itself
     * when a numbered page is the last one; otherwise counted, up to the bound.
     */
    private Listing listing(
            List<ListingKey> keys,
            PageRequest page,
            boolean byCursor,
            LongSupplier count,
            int window,
            Predicate<Product> stillFits) {
        boolean more = keys.size() > page.size();
        List<ListingKey> shown = more ? keys.subList(0, page.size()) : keys;
        Map<UUID, Product> read = new HashMap<>();
        for (Product book : currentOf(shown.stream().map(ListingKey::id).toList())) {
            read.put(book.id().value(), book);
        }
        // A book withdrawn or sold out since its key was read is left out of the page, not shown stale.
        List<Product> items = shown.stream()
                .map(key -> read.get(key.id()))
                .filter(book -> book != null && stillFits.test(book))
                .toList();
        Optional<ListingKey> next = more ? Optional.of(shown.getLast()) : Optional.empty();
        boolean lastNumbered = !byCursor && !more && (!keys.isEmpty() || page.page() == 1);
        long counted = lastNumbered ? page.offset() + keys.size() : count.getAsLong();
        return Listing.counted(items, next, counted, window);
    }

    /** How many rows match, reading at most {@code window + 1} of them: enough to tell "more than the window". */
    private long boundedCount(org.jooq.TableLike<?> from, List<Condition> conditions, int window) {
        return catalogue
                .selectCount()
                .from(DSL.selectOne()
                        .from(from)
                        .where(conditions)
                        .limit(window + 1)
                        .asTable("matching"))
                .fetchSingle()
                .value1();
    }

    private static Source source(ProductQuery query) {
        List<Condition> conditions = new ArrayList<>();
        boolean byShelf = query.category().isPresent() && !query.includeInactive();
        if (byShelf) {
            conditions.add(PRODUCT_CATEGORIES.CATEGORY_ID.eq(DSL.select(CATEGORIES.ID)
                    .from(CATEGORIES)
                    .where(CATEGORIES.SLUG.eq(query.category().get().value()))
                    .asField()));
            conditions.add(PRODUCT_CATEGORIES.ACTIVE.isTrue());
            query.minPrice().ifPresent(min -> conditions.add(PRODUCT_CATEGORIES.PRICE_CENTS.ge(min.cents())));
            query.maxPrice().ifPresent(max -> conditions.add(PRODUCT_CATEGORIES.PRICE_CENTS.le(max.cents())));
            if (query.inStockOnly()) {
                conditions.add(PRODUCT_CATEGORIES.IN_STOCK.isTrue());
            }
            org.jooq.TableLike<?> from = PRODUCT_CATEGORIES;
            if (query.series().isPresent() || query.author().isPresent()) {
                from = PRODUCT_CATEGORIES.join(PRODUCTS).on(PRODUCTS.ID.eq(PRODUCT_CATEGORIES.PRODUCT_ID));
                conditions.addAll(wholeValueFilters(query));
            }
            return new Source(
                    from,
                    PRODUCT_CATEGORIES.PRODUCT_ID,
                    PRODUCT_CATEGORIES.TITLE_KEY,
                    PRODUCT_CATEGORIES.TITLE,
                    PRODUCT_CATEGORIES.PRICE_CENTS,
                    PRODUCT_CATEGORIES.CREATED_AT,
                    conditions);
        }
        return new Source(
                PRODUCTS,
                PRODUCTS.ID,
                TITLE_FOLDED,
                TITLE_EXACT,
                PRODUCTS.PRICE_CENTS,
                PRODUCTS.CREATED_AT,
                filters(query));
    }

    /** The series and author filters: the whole value, in any case. */
    private static List<Condition> wholeValueFilters(ProductQuery query) {
        List<Condition> conditions = new ArrayList<>();
        query.series()
                .ifPresent(s ->
                        conditions.add(DSL.lower(PRODUCTS.SERIES).eq(s.strip().toLowerCase(java.util.Locale.ROOT))));
        query.author()
                .ifPresent(a ->
                        conditions.add(DSL.lower(PRODUCTS.AUTHOR).eq(a.strip().toLowerCase(java.util.Locale.ROOT))));
        return conditions;
    }

    private static List<SortField<?>> order(ProductSort sort, Source s) {
        return switch (sort) {
            case TITLE -> List.of(s.titleKey().asc(), s.title().asc(), s.id().asc());
            case TITLE_DESC -> List.of(s.titleKey().desc(), s.title().desc(), s.id().asc());
            case PRICE -> List.of(s.price().asc(), s.id().asc());
            case PRICE_DESC -> List.of(s.price().desc(), s.id().asc());
            case NEWEST -> List.of(s.createdAt().desc(), s.id().asc());
        };
    }

    /**
     * The rows strictly after {@code key} in the order of {@code sort}. Written so the first key column bounds the
     * index scan (a row comparison where every column runs one way, else {@code first <= value and (...)}).
     */
    private static Condition after(ProductSort sort, Source s, ListingKey key) {
        Field<String> titleKey = DSL.lower(DSL.val(key.title())).collate("C");
        Field<String> title = DSL.val(key.title()).collate("C");
        Field<UUID> id = DSL.val(key.id());
        return switch (sort) {
            case TITLE -> DSL.row(s.titleKey(), s.title(), s.id()).gt(DSL.row(titleKey, title, id));
            case TITLE_DESC ->
                s.titleKey()
                        .le(titleKey)
                        .and(s.titleKey()
                                .lt(titleKey)
                                .or(s.titleKey()
                                        .eq(titleKey)
                                        .and(s.title()
                                                .lt(title)
                                                .or(s.title().eq(title).and(s.id().gt(id))))));
            case PRICE -> DSL.row(s.price(), s.id()).gt(DSL.row(DSL.val(key.priceCents()), id));
            case PRICE_DESC ->
                s.price()
                        .le(key.priceCents())
                        .and(s.price().lt(key.priceCents()).or(s.id().gt(id)));
            case NEWEST ->
                s.createdAt()
                        .le(key.createdAt())
                        .and(s.createdAt().lt(key.createdAt()).or(s.id().gt(id)));
        };
    }

    private static Product toDomain(Record row) {
        return ProductMapper.toDomain(
                row.into(PRODUCTS),
                row.get(SHELVES).map(c -> new Category(CategoryId.of(c.value1()), new Slug(c.value2()), c.value3())));
    }

    @Override
    public boolean decrementStock(ProductId id, int quantity) {
        requirePositive(quantity);
        Optional<Integer> left = takeCopies
                .with(dsl, quantity, id.value(), quantity)
                .fetchOptional()
                .map(row -> row.get(PRODUCTS.STOCK));
        // The last copy went: the book leaves every in-stock list.
        if (left.isPresent() && left.get() == 0) {
            changed(id.value());
        }
        return left.isPresent();
    }

    @Override
    public void incrementStock(ProductId id, int quantity) {
        requirePositive(quantity);
        dsl.update(PRODUCTS)
                // In bigint, so the sum cannot wrap before it is capped.
                .set(
                        PRODUCTS.STOCK,
                        DSL.least(PRODUCTS.STOCK.cast(SQLDataType.BIGINT).plus((long) quantity), DSL.inline((long)
                                        Stock.MAX))
                                .cast(SQLDataType.INTEGER))
                .where(PRODUCTS.ID.eq(id.value()))
                .returning(PRODUCTS.STOCK)
                .fetchOptional()
                .map(ProductsRecord::getStock)
                // Back from sold out: the book joins the in-stock lists again.
                .filter(stock -> stock == quantity)
                .ifPresent(stock -> changedOnceDone(id.value()));
    }

    @Override
    public OptionalInt adjustStock(ProductId id, int delta) {
        OptionalInt stock = toOptionalInt(dsl.update(PRODUCTS)
                .set(PRODUCTS.STOCK, PRODUCTS.STOCK.plus(delta))
                .where(PRODUCTS.ID.eq(id.value()))
                // Checked in bigint, so a huge delta is refused instead of overflowing the integer column.
                .and(PRODUCTS.STOCK.cast(SQLDataType.BIGINT).plus((long) delta).between(0L, (long) Stock.MAX))
                .returning(PRODUCTS.STOCK)
                .fetchOptional()
                .map(ProductsRecord::getStock));
        changed(id.value());
        return stock;
    }

    @Override
    public OptionalInt setStock(ProductId id, Stock stock) {
        OptionalInt set = toOptionalInt(dsl.update(PRODUCTS)
                .set(PRODUCTS.STOCK, stock.copies())
                .where(PRODUCTS.ID.eq(id.value()))
                .returning(PRODUCTS.STOCK)
                .fetchOptional()
                .map(ProductsRecord::getStock));
        changed(id.value());
        return set;
    }

    private static OptionalInt toOptionalInt(Optional<Integer> value) {
        return value.map(OptionalInt::of).orElseGet(OptionalInt::empty);
    }

    private static void requirePositive(int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
    }
}
