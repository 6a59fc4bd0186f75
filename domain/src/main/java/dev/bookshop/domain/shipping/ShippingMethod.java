package dev.bookshop.domain.shipping;

import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Text;
import java.util.Collections;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A way the shop sends parcels ("Standard", "Express"): the countries it reaches, what it costs, and the discounted
 * subtotal from which it costs nothing. Only active methods are offered at checkout.
 */
public record ShippingMethod(
        ShippingMethodId id,
        String name,
        SortedSet<CountryCode> countries,
        Money price,
        Optional<Money> freeOver,
        boolean active) {

    public static final int MAX_NAME_LENGTH = 100;

    /** The dearest shipping the shop charges, in cents: within what card payment providers accept for one charge. */
    public static final long MAX_PRICE_CENTS = 99_999_999L;

    private static final Comparator<CountryCode> BY_CODE = Comparator.comparing(CountryCode::value);

    public ShippingMethod {
        Objects.requireNonNull(id, "id");
        name = Text.required(name, "name", MAX_NAME_LENGTH);
        countries = countries(countries);
        price = bounded(price, "priceCents");
        Objects.requireNonNull(freeOver, "freeOver");
        freeOver = freeOver.map(threshold -> bounded(threshold, "freeOverCents"));
    }

    /** A new method, active from the start. */
    public static ShippingMethod create(
            ShippingMethodId id, String name, Set<CountryCode> countries, Money price, Optional<Money> freeOver) {
        return new ShippingMethod(id, name, sorted(countries), price, freeOver, true);
    }

    public boolean serves(CountryCode country) {
        return countries.contains(country);
    }

    /** What shipping costs for goods worth {@code discountedSubtotal}: nothing once that reaches the free threshold. */
    public Money priceFor(Money discountedSubtotal) {
        return freeOver.filter(threshold -> discountedSubtotal.compareTo(threshold) >= 0)
                .map(reached -> Money.ZERO)
                .orElse(price);
    }

    public ShippingMethod rename(String newName) {
        return new ShippingMethod(id, newName, countries, price, freeOver, active);
    }

    public ShippingMethod serving(Set<CountryCode> newCountries) {
        return new ShippingMethod(id, name, sorted(newCountries), price, freeOver, active);
    }

    public ShippingMethod priced(Money newPrice) {
        return new ShippingMethod(id, name, countries, newPrice, freeOver, active);
    }

    /** Empty: shipping is never free. */
    public ShippingMethod freeFrom(Optional<Money> threshold) {
        return new ShippingMethod(id, name, countries, price, threshold, active);
    }

    public ShippingMethod activated(boolean nowActive) {
        return new ShippingMethod(id, name, countries, price, freeOver, nowActive);
    }

    private static SortedSet<CountryCode> countries(Set<CountryCode> given) {
        if (given == null || given.isEmpty()) {
            throw new InvalidValueException("countries", "countries must name at least one country");
        }
        return Collections.unmodifiableSortedSet(sorted(given));
    }

    private static SortedSet<CountryCode> sorted(Set<CountryCode> given) {
        if (given == null) {
            throw new InvalidValueException("countries", "countries must name at least one country");
        }
        TreeSet<CountryCode> sorted = new TreeSet<>(BY_CODE);
        given.forEach(country -> sorted.add(Objects.requireNonNull(country, "country")));
        return sorted;
    }

    private static Money bounded(Money amount, String field) {
        Objects.requireNonNull(amount, field);
        if (amount.cents() > MAX_PRICE_CENTS) {
            throw new InvalidValueException(field, field + " must be at most " + MAX_PRICE_CENTS);
        }
        return amount;
    }
}
