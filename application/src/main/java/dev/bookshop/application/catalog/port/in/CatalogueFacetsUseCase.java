package dev.bookshop.application.catalog.port.in;

import dev.bookshop.application.catalog.query.CatalogueFacets;
import dev.bookshop.application.catalog.query.ProductQuery;

/** The shelves, series, authors, price bands and stock of what a list or a search finds, for narrowing it down. */
public interface CatalogueFacetsUseCase {

    /** Over the active books matching the list filters; the query's order and page do not matter. */
    CatalogueFacets facets(ProductQuery filters);

    /** Over the active books a search finds; refuses a blank, over-long or control-character text. */
    CatalogueFacets facetsOfSearch(String text);
}
