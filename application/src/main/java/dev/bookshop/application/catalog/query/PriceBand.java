package dev.bookshop.application.catalog.query;

import java.util.List;
import java.util.OptionalLong;

/**
 * A price range of the facets, in cents: from {@code minCents} inclusive to {@code maxCents} exclusive, or without an
 * upper end for the last band.
 */
public record PriceBand(long minCents, OptionalLong maxCents) {

    /** The bands every facet answer counts, in this order: under 5, 5 to 10, 10 to 20, 20 to 50, 50 and more. */
    public static final List<PriceBand> STANDARD = List.of(
            new PriceBand(0, OptionalLong.of(500)),
            new PriceBand(500, OptionalLong.of(1_000)),
            new PriceBand(1_000, OptionalLong.of(2_000)),
            new PriceBand(2_000, OptionalLong.of(5_000)),
            new PriceBand(5_000, OptionalLong.empty()));

    public boolean contains(long cents) {
        return cents >= minCents && (maxCents.isEmpty() || cents < maxCents.getAsLong());
    }
}
