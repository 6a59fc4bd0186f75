package dev.bookshop.application.shipping.port.in;

import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A shipping method to add; {@code freeOver} empty: never free. */
public record NewShippingMethod(
        String name, Set<CountryCode> countries, Money price, Optional<Money> freeOver, boolean active) {

    public NewShippingMethod {
        Objects.requireNonNull(name);
        countries = Set.copyOf(countries);
        Objects.requireNonNull(price);
        Objects.requireNonNull(freeOver);
    }
}
