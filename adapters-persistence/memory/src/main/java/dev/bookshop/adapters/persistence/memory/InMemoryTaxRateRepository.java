package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.shipping.port.out.TaxRateRepository;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.tax.CountryTaxRate;
import dev.bookshop.domain.tax.TaxRate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** VAT rates in memory, one per country. */
final class InMemoryTaxRateRepository implements TaxRateRepository {

    private final InMemoryStore store;

    InMemoryTaxRateRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void put(CountryTaxRate rate) {
        store.locked(() -> {
            store.taxRates.put(rate.country(), rate.rate());
        });
    }

    @Override
    public Optional<TaxRate> find(CountryCode country) {
        return store.locked(() -> Optional.ofNullable(store.taxRates.get(country)));
    }

    @Override
    public List<CountryTaxRate> findAll() {
        return store.locked(() -> store.taxRates.entrySet().stream()
                .map(e -> new CountryTaxRate(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(r -> r.country().value()))
                .toList());
    }
}
