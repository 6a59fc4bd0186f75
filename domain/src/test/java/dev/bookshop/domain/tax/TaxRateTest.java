package dev.bookshop.domain.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaxRateTest {

    @ParameterizedTest(name = "{0} cents at {1} bp hold {2} cents of tax")
    @CsvSource({
        // 999 × 700 / 10700 = 65.35…
        "999, 700, 65",
        // 333 × 700 / 10700 = 21.78…
        "333, 700, 22",
        // 1999 × 7 / 107 = 130.77…
        "1999, 700, 131",
        // 490 × 700 / 10700 = 32.05…
        "490, 700, 32",
        // 1000 × 550 / 10550 = 52.13…
        "1000, 550, 52",
        "0, 700, 0",
        "12345, 0, 0",
        // At 100 % half of a gross amount is tax: the ties go to the even cent.
        "5, 10000, 2",
        "7, 10000, 4",
        "1, 10000, 0",
        "3, 10000, 2",
        "200, 10000, 100"
    })
    void theTaxInsideAGrossAmountIsRoundedHalfEven(long gross, int basisPoints, long tax) {
        assertThat(TaxRate.ofBasisPoints(basisPoints).taxIn(Money.ofCents(gross)))
                .isEqualTo(Money.ofCents(tax));
    }

    @Test
    void aTieAtAnOrdinaryRateAlsoGoesToTheEvenCent() {
        // At 2000 bp the tax is g × 2000 / 12000 = g / 6: a tie at g = 3 (0.5 → 0), 9 (1.5 → 2) and 15 (2.5 → 2).
        TaxRate twentyPercent = TaxRate.ofBasisPoints(2000);

        assertThat(twentyPercent.taxIn(Money.ofCents(3))).isEqualTo(Money.ofCents(0));
        assertThat(twentyPercent.taxIn(Money.ofCents(9))).isEqualTo(Money.ofCents(2));
        assertThat(twentyPercent.taxIn(Money.ofCents(15))).isEqualTo(Money.ofCents(2));
    }

    @Test
    void largeAmountsAreExact() {
        // Half of 4611686018427387903 is …951.5, a tie: the even neighbour …952, with no overflow on the way.
        Money tax = TaxRate.ofBasisPoints(10_000).taxIn(Money.ofCents(4_611_686_018_427_387_903L));

        assertThat(tax.cents()).isEqualTo(2_305_843_009_213_693_952L);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 10_001, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void aRateOutsideNoneToAllIsRefusedNamingItsField(int basisPoints) {
        assertThatThrownBy(() -> TaxRate.ofBasisPoints(basisPoints))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).contains("rateBasisPoints"));
    }

    @Test
    void theBoundsThemselvesAreRates() {
        assertThat(TaxRate.ofBasisPoints(0)).isEqualTo(TaxRate.ZERO);
        assertThat(TaxRate.ofBasisPoints(10_000).basisPoints()).isEqualTo(10_000);
    }
}
