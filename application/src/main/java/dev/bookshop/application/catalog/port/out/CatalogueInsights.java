package dev.bookshop.application.catalog.port.out;

import dev.bookshop.application.catalog.query.CatalogueFacets;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.Suggestion;
import java.util.List;

/**
 * Read-only summaries of the active catalogue whose cost must not grow with it. Inactive books are never counted or
 * offered, whatever the query says.
 */
public interface CatalogueInsights {

    /** How many books facets count at most, unless an adapter is built with another bound. */
    int DEFAULT_BOUND = 10_000;

    /**
     * The facets of the active books matching the list filters of {@code filters} (its order and page are ignored),
     * counted over at most the adapter's bound of them, which ones unspecified; {@code exact} says whether that was
     * all. Categories come most frequent first, then by name; series and authors are the top {@link
     * CatalogueFacets#TOP} by count, ties by name in code-point order; every band of {@link
     * dev.bookshop.application.catalog.query.PriceBand#STANDARD} is present, in order, even when empty.
     */
    CatalogueFacets facets(ProductQuery filters);

    /** The same, over the active books the full-text search {@code text} finds (as the product search does). */
    CatalogueFacets facetsOfSearch(String text);

    /** How many matching books the author and the series group each consider at most; see {@link #suggest}. */
    int SUGGEST_GROUP_CAP = 200;

    /**
     * Up to {@code limit} distinct active books whose title, author or series starts with {@code prefix}, compared as
     * {@link dev.bookshop.application.catalog.query.FoldedText#fold folded} text: books whose title matches first, then
     * those whose author does, then series; within each group by folded title, then title in code-point order, then
     * id. The author and series groups are only read while the answer is short, and each orders only the first
     * {@link #SUGGEST_GROUP_CAP} matches in folded author (series) order, which ones among equal keys unspecified:
     * sorting every book of a prolific author by title would cost a search box more than it can spend. {@code prefix}
     * is not blank and {@code limit} is positive.
     */
    List<Suggestion> suggest(String prefix, int limit);
}
