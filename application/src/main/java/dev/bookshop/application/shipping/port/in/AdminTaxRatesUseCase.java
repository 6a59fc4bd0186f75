package dev.bookshop.application.shipping.port.in;

import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.tax.CountryTaxRate;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.UserId;
import java.util.List;

/**
 * The VAT rates books are sold at, per destination country; a country without one is taxed at 0. Refused with
 * {@code NOT_ADMIN} unless the acting user is an active administrator right now.
 */
public interface AdminTaxRatesUseCase {

    /** Every country that has a rate, by country code. */
    List<CountryTaxRate> listTaxRates(UserId actor);

    /** Sets (or replaces) the country's rate and answers it as stored. */
    CountryTaxRate setTaxRate(UserId actor, CountryCode country, TaxRate rate);
}
