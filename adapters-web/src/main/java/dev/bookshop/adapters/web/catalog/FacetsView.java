package dev.bookshop.adapters.web.catalog;

import dev.bookshop.application.catalog.query.CatalogueFacets;
import java.util.List;

/** The facets answer: counts per shelf, series, author and price band, and whether every match was counted. */
public record FacetsView(
        List<Shelf> categories,
        List<Named> series,
        List<Named> authors,
        List<Band> priceBands,
        long inStock,
        boolean exact) {

    public record Shelf(String slug, String name, long count) {}

    public record Named(String name, long count) {}

    /** {@code maxCents} is exclusive, and null for the last band, which has no upper end. */
    public record Band(long minCents, Long maxCents, long count) {}

    public static FacetsView of(CatalogueFacets facets) {
        return new FacetsView(
                facets.categories().stream()
                        .map(c -> new Shelf(c.slug().value(), c.name(), c.count()))
                        .toList(),
                facets.series().stream()
                        .map(n -> new Named(n.name(), n.count()))
                        .toList(),
                facets.authors().stream()
                        .map(n -> new Named(n.name(), n.count()))
                        .toList(),
                facets.priceBands().stream()
                        .map(b -> new Band(
                                b.band().minCents(),
                                b.band().maxCents().isPresent()
                                        ? b.band().maxCents().getAsLong()
                                        : null,
                                b.count()))
                        .toList(),
                facets.inStock(),
                facets.exact());
    }
}
