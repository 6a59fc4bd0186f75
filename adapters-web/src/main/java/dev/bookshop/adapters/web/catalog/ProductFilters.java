package dev.bookshop.adapters.web.catalog;

import dev.bookshop.adapters.web.http.QueryParams;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.ProductSort;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.BookDetails;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Slug;
import io.javalin.http.Context;
import java.util.Optional;

/** Reads a product list's filters, order and page from the query string, every broken rule named. */
public final class ProductFilters {

    private ProductFilters() {}

    public static ProductQuery read(Context ctx) {
        return read(ctx, new Violations());
    }

    /**
     * The {@code cursor} to continue from, if any. A cursor page has no number, so {@code page} with it is refused,
     * naming both, rather than one of them silently ignored.
     */
    static Optional<String> cursor(Context ctx, Violations violations) {
        QueryParams query = new QueryParams(ctx);
        Optional<String> cursor = query.text("cursor");
        if (cursor.isPresent() && ctx.queryParam("page") != null) {
            violations.add("cursor", "cannot be combined with page: send one or the other");
            violations.add("page", "cannot be combined with cursor: send one or the other");
        }
        return cursor;
    }

    /** The filters with any violations already found in {@code violations}, all named in one refusal. */
    public static ProductQuery read(Context ctx, Violations violations) {
        QueryParams query = new QueryParams(ctx);
        Optional<Slug> category =
                violations.field("category", () -> query.text("category").map(Slug::new));
        Optional<Money> minPrice =
                violations.field("minPrice", () -> query.whole("minPrice").map(Money::ofCents));
        Optional<Money> maxPrice =
                violations.field("maxPrice", () -> query.whole("maxPrice").map(Money::ofCents));
        Boolean inStock =
                violations.field("inStock", () -> query.bool("inStock").orElse(false));
        ProductSort sort = violations.field(
                "sort", () -> query.text("sort").map(ProductSort::fromWireName).orElse(ProductSort.TITLE));
        PageRequest page = query.page(violations);
        Optional<String> series = bounded(query, "series", BookDetails.MAX_SERIES, violations);
        Optional<String> author = bounded(query, "author", BookDetails.MAX_AUTHOR, violations);
        violations.throwIfAny();
        return new ProductQuery(series, author, category, minPrice, maxPrice, inStock, false, sort, page);
    }

    /**
     * A filter no book could match is refused rather than run: no stored author or series is longer, and each
     * distinct filter text would otherwise take a page-cache entry of its own.
     */
    private static Optional<String> bounded(QueryParams query, String name, int maxLength, Violations violations) {
        Optional<String> text = query.text(name);
        if (text.isPresent() && text.get().length() > maxLength) {
            violations.add(name, "must be at most " + maxLength + " characters");
            return Optional.empty();
        }
        return text;
    }
}
