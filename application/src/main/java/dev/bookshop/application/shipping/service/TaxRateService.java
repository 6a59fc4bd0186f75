package dev.bookshop.application.shipping.service;

import dev.bookshop.application.shared.port.out.TransactionRunner;
import dev.bookshop.application.shared.service.Actors;
import dev.bookshop.application.shipping.port.in.AdminTaxRatesUseCase;
import dev.bookshop.application.shipping.port.out.TaxRateRepository;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.tax.CountryTaxRate;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.UserId;
import java.util.List;

/** The admin's VAT table; a checkout reads the rate for its country from {@link TaxRateRepository#rateFor}. */
public final class TaxRateService implements AdminTaxRatesUseCase {

    private final TransactionRunner transactions;
    private final TaxRateRepository rates;
    private final Actors actors;

    public TaxRateService(TransactionRunner transactions, TaxRateRepository rates, Actors actors) {
        this.transactions = transactions;
        this.rates = rates;
        this.actors = actors;
    }

    @Override
    public List<CountryTaxRate> listTaxRates(UserId actor) {
        actors.requireAdmin(actor);
        return rates.findAll();
    }

    @Override
    public CountryTaxRate setTaxRate(UserId actor, CountryCode country, TaxRate rate) {
        actors.requireAdmin(actor);
        CountryTaxRate set = new CountryTaxRate(country, rate);
        transactions.inTransaction(() -> rates.put(set));
        return set;
    }
}
