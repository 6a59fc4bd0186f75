package dev.bookshop.application.catalog.port.out;

import dev.bookshop.application.catalog.query.Listing;
import dev.bookshop.application.catalog.query.ListingKey;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.shared.query.PageRequest;
import java.util.Optional;

/**
 * Finds pages of the catalogue: filtered lists and full-text search. A store answers both at a cost that does not grow
 * with the catalogue: it reads a page through the index of its order, counts at most {@code window + 1} matches, and
 * a search ranks at most {@code window} of the books its words match. Another search engine can stand in here.
 *
 * <p>Both take either a numbered page ({@code after} empty: the page of {@code page}, whose offset plus size the caller
 * keeps within the window) or the keys of the last book already shown ({@code after}: the {@code page.size()} books
 * that follow it in the order, the page number ignored). Orders are total (they end on the id), so walking by keys
 * never shows a book twice nor skips one that was there when the walk began, whatever is inserted meanwhile.
 */
public interface CatalogueSearch {

    /** Books matching the filters of {@code query}, in its order. */
    Listing list(ProductQuery query, Optional<ListingKey> after, int window);

    /**
     * Active books matching the words of {@code text}, most relevant first, then by title and id. When more than
     * {@code window} books match, only {@code window} of them are ranked and can be reached.
     */
    Listing search(String text, PageRequest page, Optional<ListingKey> after, int window);
}
