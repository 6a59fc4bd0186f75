package dev.bookshop.application.catalog.query;

import dev.bookshop.domain.common.Slug;
import java.util.List;
import java.util.Objects;

/**
 * How the books a list or search finds spread over shelves, series, authors and price bands, counted over at most the
 * first {@code bound} matching active books; {@code exact} is false when more matched and were left uncounted.
 */
public record CatalogueFacets(
        List<ShelfCount> categories,
        List<NameCount> series,
        List<NameCount> authors,
        List<BandCount> priceBands,
        long inStock,
        boolean exact) {

    /** Series and authors: this many, the most frequent first, ties by name. */
    public static final int TOP = 20;

    public CatalogueFacets {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        authors = List.copyOf(authors);
        priceBands = List.copyOf(priceBands);
    }

    public record ShelfCount(Slug slug, String name, long count) {
        public ShelfCount {
            Objects.requireNonNull(slug);
            Objects.requireNonNull(name);
        }
    }

    public record NameCount(String name, long count) {
        public NameCount {
            Objects.requireNonNull(name);
        }
    }

    public record BandCount(PriceBand band, long count) {
        public BandCount {
            Objects.requireNonNull(band);
        }
    }
}
