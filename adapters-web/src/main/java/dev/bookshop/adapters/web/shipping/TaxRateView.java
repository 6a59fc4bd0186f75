package dev.bookshop.adapters.web.shipping;

import dev.bookshop.domain.tax.CountryTaxRate;

/** One destination country's VAT rate for books, in basis points (700 = 7 %). */
public record TaxRateView(String country, int rateBasisPoints) {

    public static TaxRateView of(CountryTaxRate rate) {
        return new TaxRateView(rate.country().value(), rate.rate().basisPoints());
    }
}
