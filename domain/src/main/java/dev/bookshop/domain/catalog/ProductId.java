package dev.bookshop.domain.catalog;

import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/** Identifies one product. */
public record ProductId(UUID value) {

    /**
     * The one order in which product rows are locked, by checkout taking stock and by failed orders giving it back:
     * unsigned, most significant bits first, as PostgreSQL orders uuids. Taking locks in one order everywhere is what
     * keeps concurrent stock moves from deadlocking. ({@code UUID.compareTo} compares signed.)
     */
    public static final Comparator<ProductId> LOCK_ORDER = (a, b) -> {
        long aHigh = a.value().getMostSignificantBits();
        long bHigh = b.value().getMostSignificantBits();
        return aHigh != bHigh
                ? Long.compareUnsigned(aHigh, bHigh)
                : Long.compareUnsigned(
                        a.value().getLeastSignificantBits(), b.value().getLeastSignificantBits());
    };

    public ProductId {
        Objects.requireNonNull(value, "product id");
    }

    public static ProductId of(UUID value) {
        return new ProductId(value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
