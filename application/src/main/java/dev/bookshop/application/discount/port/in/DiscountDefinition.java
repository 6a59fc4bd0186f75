package dev.bookshop.application.discount.port.in;

import dev.bookshop.domain.common.Money;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A code as an admin writes it, before the shop checks its rules; a field left empty on update keeps its value. For
 * the optional terms the inner optional is the new value and an empty inner optional removes it.
 */
public record DiscountDefinition(
        Optional<String> code,
        Optional<String> kind,
        Optional<Long> value,
        Optional<Optional<Money>> minSubtotal,
        Optional<Optional<Instant>> startsAt,
        Optional<Optional<Instant>> endsAt,
        Optional<Optional<Integer>> maxRedemptions,
        Optional<Optional<Integer>> maxPerCustomer,
        Optional<Boolean> active) {

    public DiscountDefinition {
        Objects.requireNonNull(code);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(value);
        Objects.requireNonNull(minSubtotal);
        Objects.requireNonNull(startsAt);
        Objects.requireNonNull(endsAt);
        Objects.requireNonNull(maxRedemptions);
        Objects.requireNonNull(maxPerCustomer);
        Objects.requireNonNull(active);
    }

    public static DiscountDefinition none() {
        return new DiscountDefinition(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }
}
