package dev.bookshop.domain.tax;

import dev.bookshop.domain.common.CountryCode;
import java.util.Objects;

/** The VAT rate books are sold at to one destination country. */
public record CountryTaxRate(CountryCode country, TaxRate rate) {

    public CountryTaxRate {
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(rate, "rate");
    }
}
