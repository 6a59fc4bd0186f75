package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.CATEGORIES;
import static dev.bookshop.adapters.persistence.jooq.generated.Tables.PRODUCTS;
import static dev.bookshop.adapters.persistence.jooq.generated.Tables.PRODUCT_CATEGORIES;

import dev.bookshop.application.catalog.port.out.CatalogueInsights;
import dev.bookshop.application.catalog.query.CatalogueFacets;
import dev.bookshop.application.catalog.query.CatalogueFacets.BandCount;
import dev.bookshop.application.catalog.query.CatalogueFacets.NameCount;
import dev.bookshop.application.catalog.query.CatalogueFacets.ShelfCount;
import dev.bookshop.application.catalog.query.PriceBand;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.Suggestion;
import dev.bookshop.domain.common.Slug;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.conf.SettingsTools;
import org.jooq.conf.StatementType;
import org.jooq.impl.DSL;

/**
 * Facets and search-box suggestions in SQL whose cost is bounded: facets count a candidate set of at most {@code
 * bound} matching books (one statement: the candidates once, then every facet over them), suggestions are prefix range
 * scans on the folded-key indexes of migration V8.
 */
final class JooqCatalogueInsights implements CatalogueInsights {

    private static final String SEARCH_CONFIG = "simple";

    /** Past every character a folded prefix can be followed by: the top of a prefix's range in byte order. */
    private static final String TOP_OF_RANGE = "chr(1114111)";

    private static final String TITLE_ORDER = "bookshop_fold(title) collate \"C\", title collate \"C\", id";

    private final DSLContext catalogue;
    private final int bound;

    JooqCatalogueInsights(DSLContext dsl, int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        this.bound = bound;
        // Values inline, as the product lists send them (see JooqProductRepository): a generic plan made without the
        // filter values or the prefix would fit one and not the next.
        this.catalogue = dsl.configuration()
                .derive(SettingsTools.clone(dsl.settings()).withStatementType(StatementType.STATIC_STATEMENT))
                .dsl();
    }

    @Override
    public CatalogueFacets facets(ProductQuery filters) {
        return count(listFilters(filters));
    }

    @Override
    public CatalogueFacets facetsOfSearch(String text) {
        Field<Object> tsQuery = DSL.field(
                "websearch_to_tsquery({0}::regconfig, {1})", Object.class, DSL.inline(SEARCH_CONFIG), DSL.val(text));
        return count(PRODUCTS.ACTIVE.isTrue().and(DSL.condition("products.search_vector @@ {0}", tsQuery)));
    }

    /**
     * The list's filters, inactive books always left out. The shelf is looked up first and named by id, unlike the
     * list's EXISTS over the slug: with the slug joined, PostgreSQL cannot tell how large the shelf is and hashes all
     * of it (400 ms for a shelf of half the books at a million, against 200 ms this way).
     */
    private Condition listFilters(ProductQuery query) {
        return DSL.and(JooqProductRepository.filters(query, true, this::shelfById));
    }

    private Condition shelfById(Slug category) {
        return catalogue
                .select(CATEGORIES.ID)
                .from(CATEGORIES)
                .where(CATEGORIES.SLUG.eq(category.value()))
                .fetchOptional(CATEGORIES.ID)
                .map(id -> DSL.exists(DSL.selectOne()
                        .from(PRODUCT_CATEGORIES)
                        .where(PRODUCT_CATEGORIES.PRODUCT_ID.eq(PRODUCTS.ID))
                        .and(PRODUCT_CATEGORIES.CATEGORY_ID.eq(id))))
                .orElse(DSL.falseCondition());
    }

    /**
     * One statement. The candidates are the first bound + 1 matching books in whatever order PostgreSQL reads them
     * (no sort, so it stops there); the extra one only tells that there were more, and is numbered out of the counts.
     */
    private CatalogueFacets count(Condition where) {
        QueryPart candidates = catalogue
                .select(
                        PRODUCTS.ID,
                        PRODUCTS.SERIES,
                        PRODUCTS.AUTHOR,
                        PRODUCTS.PRICE_CENTS,
                        PRODUCTS.STOCK,
                        PRODUCTS.CATEGORY_IDS)
                .from(PRODUCTS)
                .where(where)
                .limit(DSL.inline(bound + 1));
        StringBuilder sql = new StringBuilder("""
                with found as materialized (
                    select c.*, row_number() over () as n from ({0}) c
                ), m as (select * from found where n <= {1})
                select 'found' as facet, cast(null as text) as k, cast(null as text) as label, (select count(*) from found) as n
                union all select 'stock', null, null, count(*) filter (where stock > 0) from m
                """);
        for (int i = 0; i < PriceBand.STANDARD.size(); i++) {
            PriceBand band = PriceBand.STANDARD.get(i);
            sql.append("union all select 'band', '")
                    .append(i)
                    .append("', null, count(*) filter (where price_cents >= ")
                    .append(band.minCents());
            band.maxCents().ifPresent(max -> sql.append(" and price_cents < ").append(max));
            sql.append(") from m\n");
        }
        sql.append("""
                union all (select 'category', c.slug, c.name, count(*) from m
                    cross join unnest(m.category_ids) as shelf(id) join categories c on c.id = shelf.id
                    group by c.slug, c.name)
                union all (select 'series', null, series, count(*) from m where series is not null
                    group by series order by count(*) desc, series collate "C" limit {2})
                union all (select 'author', null, author, count(*) from m
                    group by author order by count(*) desc, author collate "C" limit {2})
                """);
        List<Record> rows = catalogue
                .resultQuery(sql.toString(), candidates, DSL.inline(bound), DSL.inline(CatalogueFacets.TOP))
                .fetch();

        long found = 0;
        long inStock = 0;
        long[] bands = new long[PriceBand.STANDARD.size()];
        List<ShelfCount> categories = new ArrayList<>();
        List<NameCount> series = new ArrayList<>();
        List<NameCount> authors = new ArrayList<>();
        for (Record row : rows) {
            String key = row.get(1, String.class);
            String label = row.get(2, String.class);
            long n = row.get(3, Long.class);
            switch (row.get(0, String.class)) {
                case "found" -> found = n;
                case "stock" -> inStock = n;
                case "band" -> bands[Integer.parseInt(key)] = n;
                case "category" -> categories.add(new ShelfCount(new Slug(key), label, n));
                case "series" -> series.add(new NameCount(label, n));
                case "author" -> authors.add(new NameCount(label, n));
                default -> throw new IllegalStateException("unknown facet " + row.get(0));
            }
        }
        categories.sort(Comparator.comparingLong(ShelfCount::count).reversed().thenComparing(ShelfCount::name));
        // A union does not keep its branches' order.
        Comparator<NameCount> byCount =
                Comparator.comparingLong(NameCount::count).reversed().thenComparing(NameCount::name);
        series.sort(byCount);
        authors.sort(byCount);
        List<BandCount> bandCounts = new ArrayList<>();
        for (int i = 0; i < bands.length; i++) {
            bandCounts.add(new BandCount(PriceBand.STANDARD.get(i), bands[i]));
        }
        return new CatalogueFacets(categories, series, authors, bandCounts, inStock, found <= bound);
    }

    /**
     * Title matches, then author, then series, each its own range scan on its folded-key index, and the next asked
     * only while the answer is short: a prefix that fills the list from titles (most do) costs one index range read
     * of {@code limit} rows. A later group may find books an earlier one offered; while the answer is short the earlier
     * group offered all its matches, so {@code limit} rows are enough to fill it once those are dropped.
     */
    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        Map<Slug, Suggestion> offered = new LinkedHashMap<>();
        String title = "select slug, title, author from products where active and " + startsWith("title") + " order by "
                + TITLE_ORDER + " limit {1}";
        String author = grouped("author");
        String series = grouped("series");
        for (String sql : List.of(title, author, series)) {
            if (offered.size() >= limit) {
                break;
            }
            List<Suggestion> rows = catalogue
                    .resultQuery(sql, DSL.val(prefix), DSL.inline(limit))
                    .fetch(row -> new Suggestion(
                            new Slug(row.get(0, String.class)), row.get(1, String.class), row.get(2, String.class)));
            for (Suggestion row : rows) {
                if (offered.size() < limit) {
                    offered.putIfAbsent(row.slug(), row);
                }
            }
        }
        return List.copyOf(offered.values());
    }

    /** The first matches in the column's index order, at most the cap, then by title. */
    private static String grouped(String column) {
        return "with hits as materialized (select id, slug, title, author from products where active and "
                + startsWith(column) + " order by bookshop_fold(" + column + ") collate \"C\" limit "
                + SUGGEST_GROUP_CAP + ") select slug, title, author from hits order by " + TITLE_ORDER
                + " limit {1}";
    }

    private static String startsWith(String column) {
        String key = "bookshop_fold(" + column + ") collate \"C\"";
        return key + " >= bookshop_fold({0}) collate \"C\" and " + key + " < (bookshop_fold({0}) || " + TOP_OF_RANGE
                + ") collate \"C\"";
    }
}
