package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.shipping.port.out.TaxRateRepository;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.tax.CountryTaxRate;
import dev.bookshop.domain.tax.TaxRate;
import java.util.List;
import java.util.Optional;

/** VAT rates in {@code tax_rates}, one row per country. */
final class JpaTaxRateRepository implements TaxRateRepository {

    private final JpaTransactionRunner transactions;

    JpaTaxRateRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    /**
     * One upsert: two concurrent puts of a country never collide on the key, the later simply wins. The managed row,
     * if this transaction read one, is refreshed so it does not hide the write.
     */
    @Override
    public void put(CountryTaxRate rate) {
        transactions.run(em -> {
            em.createQuery("""
                            insert into TaxRateEntity (country, rateBasisPoints) values (:country, :rate)
                            on conflict (country) do update set rateBasisPoints = excluded.rateBasisPoints""")
                    .setParameter("country", rate.country().value())
                    .setParameter("rate", rate.rate().basisPoints())
                    .executeUpdate();
            TaxRateEntity managed = em.find(TaxRateEntity.class, rate.country().value());
            if (managed != null) {
                em.refresh(managed);
            }
        });
    }

    @Override
    public Optional<TaxRate> find(CountryCode country) {
        return transactions.call(em -> Optional.ofNullable(em.find(TaxRateEntity.class, country.value()))
                .map(row -> TaxRate.ofBasisPoints(row.rateBasisPoints)));
    }

    @Override
    public List<CountryTaxRate> findAll() {
        return transactions.call(em -> em.createQuery(
                        "select r from TaxRateEntity r order by collate(r.country as " + Collations.CODE_POINT + ")",
                        TaxRateEntity.class)
                .getResultStream()
                .map(row ->
                        new CountryTaxRate(new CountryCode(row.country), TaxRate.ofBasisPoints(row.rateBasisPoints)))
                .toList());
    }
}
