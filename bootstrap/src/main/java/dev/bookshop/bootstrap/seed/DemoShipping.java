package dev.bookshop.bootstrap.seed;

import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.application.shipping.port.in.NewShippingMethod;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.tax.CountryTaxRate;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.UserId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Gives the demo shop a way to ship and the real reduced VAT rates for books, through the admin's use cases. Safe to
 * run on every start: methods are added only to a shop that has none, and only countries without a rate get one, so
 * nothing an admin changed is overwritten.
 */
public final class DemoShipping {

    /** The EU member states: where the demo shop's standard parcel goes. */
    static final Set<String> EU = Set.of(
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU",
            "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    /** Reduced VAT rates for printed books, in basis points. */
    static final Map<String, Integer> BOOK_VAT =
            Map.of("DE", 700, "FR", 550, "NL", 900, "AT", 1000, "BE", 600, "IT", 400, "ES", 400, "IE", 0);

    private DemoShipping() {}

    /** What was added this time. */
    public record Seeded(int methods, int rates) {}

    public static Seeded seed(UseCases shop, UserId admin) {
        int methods = 0;
        if (shop.adminShipping().listShippingMethods(admin).isEmpty()) {
            shop.adminShipping()
                    .createShippingMethod(
                            admin,
                            new NewShippingMethod(
                                    "Standard",
                                    countries(EU.stream()),
                                    Money.ofCents(490),
                                    Optional.of(Money.ofCents(5000)),
                                    true));
            shop.adminShipping()
                    .createShippingMethod(
                            admin,
                            new NewShippingMethod(
                                    "Express",
                                    countries(Stream.of("DE", "AT", "NL")),
                                    Money.ofCents(1290),
                                    Optional.empty(),
                                    true));
            methods = 2;
        }
        Set<CountryCode> rated = shop.adminTaxRates().listTaxRates(admin).stream()
                .map(CountryTaxRate::country)
                .collect(Collectors.toSet());
        int rates = 0;
        for (var rate : BOOK_VAT.entrySet()) {
            CountryCode country = new CountryCode(rate.getKey());
            if (!rated.contains(country)) {
                shop.adminTaxRates().setTaxRate(admin, country, TaxRate.ofBasisPoints(rate.getValue()));
                rates++;
            }
        }
        return new Seeded(methods, rates);
    }

    private static Set<CountryCode> countries(Stream<String> codes) {
        return codes.map(CountryCode::new).collect(Collectors.toSet());
    }
}
