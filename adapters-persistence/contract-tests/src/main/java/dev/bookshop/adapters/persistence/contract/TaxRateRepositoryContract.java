package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.tax.CountryTaxRate;
import dev.bookshop.domain.tax.TaxRate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every adapter's {@code TaxRateRepository} must do. */
public abstract class TaxRateRepositoryContract extends PersistenceContract {

    private static final CountryCode DE = new CountryCode("DE");
    private static final CountryCode AT = new CountryCode("AT");
    private static final CountryCode IE = new CountryCode("IE");

    private static CountryTaxRate rate(CountryCode country, int basisPoints) {
        return new CountryTaxRate(country, TaxRate.ofBasisPoints(basisPoints));
    }

    @Test
    void aCountryWithoutARateIsTaxedAtZero() {
        assertThat(inTx(() -> ports.taxRates().find(DE))).isEmpty();
        assertThat(inTx(() -> ports.taxRates().rateFor(DE))).isEqualTo(TaxRate.ZERO);
    }

    @Test
    void putSetsAndThenReplacesACountrysRate() {
        inTx(() -> ports.taxRates().put(rate(DE, 700)));
        assertThat(inTx(() -> ports.taxRates().rateFor(DE))).isEqualTo(TaxRate.ofBasisPoints(700));

        inTx(() -> ports.taxRates().put(rate(DE, 1900)));

        assertThat(inTx(() -> ports.taxRates().find(DE))).contains(TaxRate.ofBasisPoints(1900));
        assertThat(inTx(() -> ports.taxRates().findAll())).containsExactly(rate(DE, 1900));
    }

    @Test
    void findAllListsTheRatesByCountryAndKeepsAZeroRate() {
        inTx(() -> ports.taxRates().put(rate(IE, 0)));
        inTx(() -> ports.taxRates().put(rate(DE, 700)));
        inTx(() -> ports.taxRates().put(rate(AT, 1000)));

        assertThat(inTx(() -> ports.taxRates().findAll())).containsExactly(rate(AT, 1000), rate(DE, 700), rate(IE, 0));
        assertThat(inTx(() -> ports.taxRates().find(IE))).contains(TaxRate.ZERO);
    }

    @Test
    void concurrentPutsOfOneCountryLeaveOneWholeRate() {
        List<Integer> rates = List.of(100, 200, 300, 400, 500, 600);
        AtomicInteger next = new AtomicInteger();

        Concurrently.run(rates.size(), () -> {
            int basisPoints = rates.get(next.getAndIncrement());
            inTx(() -> ports.taxRates().put(rate(DE, basisPoints)));
            return basisPoints;
        });

        List<CountryTaxRate> stored = inTx(() -> ports.taxRates().findAll());
        assertThat(stored).hasSize(1);
        assertThat(rates).contains(stored.getFirst().rate().basisPoints());
    }
}
