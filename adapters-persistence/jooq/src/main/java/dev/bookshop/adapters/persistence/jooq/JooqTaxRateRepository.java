package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.TAX_RATES;

import dev.bookshop.application.shipping.port.out.TaxRateRepository;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.tax.CountryTaxRate;
import dev.bookshop.domain.tax.TaxRate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** VAT rates in {@code tax_rates}, one row per country. */
final class JooqTaxRateRepository implements TaxRateRepository {

    private final DSLContext dsl;

    JooqTaxRateRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One upsert: two concurrent puts of a country never collide on the key, the later simply wins. */
    @Override
    public void put(CountryTaxRate rate) {
        dsl.insertInto(TAX_RATES)
                .set(TAX_RATES.COUNTRY, rate.country().value())
                .set(TAX_RATES.RATE_BASIS_POINTS, rate.rate().basisPoints())
                .onConflict(TAX_RATES.COUNTRY)
                .doUpdate()
                .set(TAX_RATES.RATE_BASIS_POINTS, DSL.excluded(TAX_RATES.RATE_BASIS_POINTS))
                .execute();
    }

    @Override
    public Optional<TaxRate> find(CountryCode country) {
        return dsl.select(TAX_RATES.RATE_BASIS_POINTS)
                .from(TAX_RATES)
                .where(TAX_RATES.COUNTRY.eq(country.value()))
                .fetchOptional(r -> TaxRate.ofBasisPoints(r.value1()));
    }

    @Override
    public List<CountryTaxRate> findAll() {
        return dsl.selectFrom(TAX_RATES)
                .orderBy(TAX_RATES.COUNTRY.collate("C"))
                .fetch(r -> new CountryTaxRate(
                        new CountryCode(r.getCountry()), TaxRate.ofBasisPoints(r.getRateBasisPoints())));
    }
}
