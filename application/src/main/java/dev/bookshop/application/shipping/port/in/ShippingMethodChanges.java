package dev.bookshop.application.shipping.port.in;

import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A partial update of a shipping method: an empty field is left as it is. For {@code freeOver} the inner optional is
 * the new threshold, and an empty inner optional removes it (shipping is then never free).
 */
public record ShippingMethodChanges(
        Optional<String> name,
        Optional<Set<CountryCode>> countries,
        Optional<Money> price,
        Optional<Optional<Money>> freeOver,
        Optional<Boolean> active) {

    public ShippingMethodChanges {
        Objects.requireNonNull(name);
        Objects.requireNonNull(countries);
        Objects.requireNonNull(price);
        Objects.requireNonNull(freeOver);
        Objects.requireNonNull(active);
    }

    public static ShippingMethodChanges none() {
        return new ShippingMethodChanges(
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
