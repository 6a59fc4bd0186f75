package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.catalog.port.out.CatalogueInsights;
import dev.bookshop.application.catalog.query.CatalogueFacets;
import dev.bookshop.application.catalog.query.CatalogueFacets.BandCount;
import dev.bookshop.application.catalog.query.CatalogueFacets.NameCount;
import dev.bookshop.application.catalog.query.CatalogueFacets.ShelfCount;
import dev.bookshop.application.catalog.query.PriceBand;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.Suggestion;
import dev.bookshop.domain.common.Slug;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Facets and search-box suggestions as native SQL (JPQL knows neither the search vector nor the folding function),
 * the same statements the jOOQ adapter sends: facets over a candidate set of at most {@code bound} books, suggestions
 * as prefix range scans on the folded-key indexes of migration V8.
 */
final class JpaCatalogueInsights implements CatalogueInsights {

    private static final String TITLE_ORDER = "bookshop_fold(title) collate \"C\", title collate \"C\", id";

    private final JpaTransactionRunner transactions;
    private final int bound;

    JpaCatalogueInsights(JpaTransactionRunner transactions, int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        this.transactions = transactions;
        this.bound = bound;
    }

    /**
     * The list's filters, inactive books always left out. The shelf is looked up first and named by id, unlike the
     * list's EXISTS over the slug: with the slug joined, PostgreSQL cannot tell how large the shelf is and hashes all
     * of it.
     */
    @Override
    public CatalogueFacets facets(ProductQuery query) {
        NativeFilters filters = NativeFilters.books(query, true, this::shelfById);
        return count(filters.where(), filters.parameters());
    }

    private void shelfById(Slug category, NativeFilters filters) {
        List<?> shelf =
                transactions.call(em -> em.createNativeQuery("select id from categories where slug = :slug", UUID.class)
                        .setParameter("slug", category.value())
                        .getResultList());
        if (shelf.isEmpty()) {
            filters.require("false");
        } else {
            filters.require(
                    "exists (select 1 from product_categories pc"
                            + " where pc.product_id = p.id and pc.category_id = :category)",
                    "category",
                    shelf.getFirst());
        }
    }

    @Override
    public CatalogueFacets facetsOfSearch(String text) {
        return count(NativeFilters.SEARCH_MATCH, Map.of("text", text));
    }

    /** See JooqCatalogueInsights: the candidates once, bound + 1 of them unsorted, then every facet over them. */
    private CatalogueFacets count(String where, Map<String, ?> parameters) {
        StringBuilder sql = new StringBuilder("with found as materialized (select c.*, row_number() over () as n from"
                + " (select p.id, p.series, p.author, p.price_cents, p.stock, p.category_ids from products p" + where
                + " limit " + (bound + 1) + ") c), m as (select * from found where n <= " + bound + ")\n"
                + "select 'found' as facet, cast(null as text) as k, cast(null as text) as label,"
                + " (select count(*) from found) as n\n"
                + "union all select 'stock', null, null, count(*) filter (where stock > 0) from m\n");
        for (int i = 0; i < PriceBand.STANDARD.size(); i++) {
            PriceBand band = PriceBand.STANDARD.get(i);
            sql.append("union all select 'band', '")
                    .append(i)
                    .append("', null, count(*) filter (where price_cents >= ")
                    .append(band.minCents());
            band.maxCents().ifPresent(max -> sql.append(" and price_cents < ").append(max));
            sql.append(") from m\n");
        }
        sql.append("union all (select 'category', c.slug, c.name, count(*) from m"
                        + " cross join unnest(m.category_ids) as shelf(id) join categories c on c.id = shelf.id"
                        + " group by c.slug, c.name)\n")
                .append("union all (select 'series', null, series, count(*) from m where series is not null"
                        + " group by series order by count(*) desc, series collate \"C\" limit ")
                .append(CatalogueFacets.TOP)
                .append(")\nunion all (select 'author', null, author, count(*) from m"
                        + " group by author order by count(*) desc, author collate \"C\" limit ")
                .append(CatalogueFacets.TOP)
                .append(")");
        List<Object[]> rows = transactions.call(em -> {
            Query query = em.createNativeQuery(sql.toString(), Object[].class);
            parameters.forEach(query::setParameter);
            @SuppressWarnings("unchecked")
            List<Object[]> result = query.getResultList();
            return result;
        });

        long found = 0;
        long inStock = 0;
        long[] bands = new long[PriceBand.STANDARD.size()];
        List<ShelfCount> categories = new ArrayList<>();
        List<NameCount> series = new ArrayList<>();
        List<NameCount> authors = new ArrayList<>();
        for (Object[] row : rows) {
            String key = (String) row[1];
            String label = (String) row[2];
            long n = ((Number) row[3]).longValue();
            switch ((String) row[0]) {
                case "found" -> found = n;
                case "stock" -> inStock = n;
                case "band" -> bands[Integer.parseInt(key)] = n;
                case "category" -> categories.add(new ShelfCount(new Slug(key), label, n));
                case "series" -> series.add(new NameCount(label, n));
                case "author" -> authors.add(new NameCount(label, n));
                default -> throw new IllegalStateException("unknown facet " + row[0]);
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
                + TITLE_ORDER + " limit :limit";
        String author = grouped("author");
        String series = grouped("series");
        for (String sql : List.of(title, author, series)) {
            if (offered.size() >= limit) {
                break;
            }
            List<Suggestion> rows = transactions.call(em -> {
                @SuppressWarnings("unchecked")
                List<Object[]> result = em.createNativeQuery(sql, Object[].class)
                        .setParameter("prefix", prefix)
                        .setParameter("limit", limit)
                        .getResultList();
                return result.stream()
                        .map(row -> new Suggestion(new Slug((String) row[0]), (String) row[1], (String) row[2]))
                        .toList();
            });
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
                + " limit :limit";
    }

    private static String startsWith(String column) {
        String key = "bookshop_fold(" + column + ") collate \"C\"";
        return key + " >= bookshop_fold(:prefix) collate \"C\" and " + key
                + " < (bookshop_fold(:prefix) || chr(1114111)) collate \"C\"";
    }
}
