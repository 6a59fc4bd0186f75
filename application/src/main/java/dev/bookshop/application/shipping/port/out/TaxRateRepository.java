package dev.bookshop.application.shipping.port.out;

import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.tax.CountryTaxRate;
import dev.bookshop.domain.tax.TaxRate;
import java.util.List;
import java.util.Optional;

/** The VAT rates for books, one per destination country at most. */
public interface TaxRateRepository {

    /** Sets the country's rate, replacing any it had, in one atomic write: of two concurrent puts, one wins whole. */
    void put(CountryTaxRate rate);

    /** The country's own rate, when it has one. */
    Optional<TaxRate> find(CountryCode country);

    /** Every country with a rate, by country code. */
    List<CountryTaxRate> findAll();

    /** What books sent to {@code country} are taxed at: its own rate, or 0 when it has none. */
    default TaxRate rateFor(CountryCode country) {
        return find(country).orElse(TaxRate.ZERO);
    }
}
