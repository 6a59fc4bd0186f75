package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.domain.common.Slug;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A product query's filters as a native SQL where clause on {@code products p} (or on the shelf rows {@code pc} of a
 * category page) and the parameters it binds. The only place the JPA adapter spells a filter: the admin's list, the
 * shop's lists and the facets all read their filters from here, so a filter means the same on each.
 */
final class NativeFilters {

    /** How a category filter is written on {@code products p}: it adds its condition and parameters. */
    @FunctionalInterface
    interface Shelf {
        void require(Slug category, NativeFilters filters);
    }

    /** The category by its slug, an EXISTS over its shelf rows. */
    static final Shelf SHELF_BY_SLUG = (category, filters) -> filters.require(
            "exists (select 1 from product_categories pc join categories c on c.id = pc.category_id"
                    + " where pc.product_id = p.id and c.slug = :category)",
            "category",
            category.value());

    /**
     * A search's words, on active books, as a where clause binding {@code :text}. Full-text search runs as native SQL:
     * JPQL knows neither the generated {@code search_vector} column nor text-search operators. {@code 'simple'} is the
     * configuration the column was built with.
     */
    static final String SEARCH_MATCH = " where p.active and p.search_vector @@ websearch_to_tsquery('simple', :text)";

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private NativeFilters() {}

    /** Every filter of {@code query} on {@code products p}, inactive books left out when {@code activeOnly}. */
    static NativeFilters books(ProductQuery query, boolean activeOnly, Shelf shelf) {
        NativeFilters filters = new NativeFilters();
        if (activeOnly) {
            filters.require("p.active");
        }
        filters.wholeValues(query);
        query.category().ifPresent(category -> shelf.require(category, filters));
        return filters.priceAndStock(query, "p.price_cents", "p.in_stock");
    }

    /**
     * Every filter of a category page on the shelf rows {@code pc} of that category, which carry copies of the price,
     * stock and active flag (kept by the V7 triggers); series and author need {@code products p} joined in.
     */
    static NativeFilters shelfRows(ProductQuery query) {
        NativeFilters filters = new NativeFilters();
        query.category()
                .ifPresent(category -> filters.require(
                        "pc.category_id = (select c.id from categories c where c.slug = :category)",
                        "category",
                        category.value()));
        filters.require("pc.active");
        filters.wholeValues(query);
        return filters.priceAndStock(query, "pc.price_cents", "pc.in_stock");
    }

    /** Series and author: the whole value, in any case. */
    private void wholeValues(ProductQuery query) {
        query.series()
                .ifPresent(series -> require(
                        "lower(p.series) = :series", "series", series.strip().toLowerCase(Locale.ROOT)));
        query.author()
                .ifPresent(author -> require(
                        "lower(p.author) = :author", "author", author.strip().toLowerCase(Locale.ROOT)));
    }

    private NativeFilters priceAndStock(ProductQuery query, String price, String inStock) {
        query.minPrice().ifPresent(min -> require(price + " >= :minPrice", "minPrice", min.cents()));
        query.maxPrice().ifPresent(max -> require(price + " <= :maxPrice", "maxPrice", max.cents()));
        if (query.inStockOnly()) {
            require(inStock);
        }
        return this;
    }

    void require(String condition) {
        conditions.add(condition);
    }

    void require(String condition, String parameter, Object value) {
        conditions.add(condition);
        parameters.put(parameter, value);
    }

    /** The conditions joined, never empty, so a keyset condition can follow with {@code and}. */
    String where() {
        return conditions.isEmpty() ? " where true" : " where " + String.join(" and ", conditions);
    }

    Map<String, Object> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    void bind(Query query) {
        parameters.forEach(query::setParameter);
    }
}
