package dev.bookshop.domain.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.tax.CheckoutTotals.Line;
import dev.bookshop.domain.tax.CheckoutTotals.LineAmounts;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckoutTotalsTest {

    private static final TaxRate SEVEN_PERCENT = TaxRate.ofBasisPoints(700);

    @Test
    void threeCopiesAtThreeThirtyThreeAtSevenPercent() {
        CheckoutTotals totals = CheckoutTotals.of(List.of(line(333, 3)), cents(0), SEVEN_PERCENT);

        LineAmounts only = totals.lines().getFirst();
        assertThat(only.lineTotal()).isEqualTo(cents(999));
        assertThat(only.discountedTotal()).isEqualTo(cents(999));
        // 999 × 700 / 10700 = 65.35…: the line is taxed as a whole, not copy by copy (3 × 21.78… would be 66).
        assertThat(only.tax()).isEqualTo(cents(65));
        assertThat(totals.subtotal()).isEqualTo(cents(999));
        assertThat(totals.tax()).isEqualTo(cents(65));
        assertThat(totals.total()).isEqualTo(cents(999));
    }

    @Test
    void eachLineIsRoundedOnItsOwnAndShippingToo() {
        CheckoutTotals totals =
                CheckoutTotals.of(List.of(line(333, 1), line(333, 1), line(333, 1)), cents(490), SEVEN_PERCENT);

        assertThat(totals.lines()).extracting(LineAmounts::tax).containsOnly(cents(22));
        assertThat(totals.shippingTax()).isEqualTo(cents(32));
        assertThat(totals.tax()).isEqualTo(cents(22 * 3 + 32));
        assertThat(totals.shipping()).isEqualTo(cents(490));
        assertThat(totals.total()).isEqualTo(cents(999 + 490));
    }

    @Test
    void aDiscountIsSpreadInProportionAndSumsExactly() {
        CheckoutTotals totals = CheckoutTotals.of(
                List.of(line(1000, 1), line(1000, 1), line(1000, 1)), cents(100), cents(0), SEVEN_PERCENT);

        // 33.33… each: the cent left over goes to the earliest of the equal fractions.
        assertThat(totals.lines()).extracting(LineAmounts::discount).containsExactly(cents(34), cents(33), cents(33));
        assertThat(totals.lines())
                .extracting(LineAmounts::discountedTotal)
                .containsExactly(cents(966), cents(967), cents(967));
        assertThat(totals.discount()).isEqualTo(cents(100));
        assertThat(totals.total()).isEqualTo(cents(2900));
        // Tax follows the discounted totals: 966 → 63.19…, 967 → 63.26…
        assertThat(totals.lines()).extracting(LineAmounts::tax).containsExactly(cents(63), cents(63), cents(63));
    }

    @Test
    void theLeftoverCentsGoToTheLargestFractions() {
        // 10 cents over 1, 2 and 7 parts of 10: exactly 1, 2, 7.
        assertThat(CheckoutTotals.spread(10, List.of(cents(100), cents(200), cents(700))))
                .containsExactly(1, 2, 7);
        // 5 over 1, 1, 2 (of 4): 1.25, 1.25, 2.5 → floors 1, 1, 2 and the cent to the 0.5.
        assertThat(CheckoutTotals.spread(5, List.of(cents(1), cents(1), cents(2))))
                .containsExactly(1, 1, 3);
        // A free line takes no share.
        assertThat(CheckoutTotals.spread(3, List.of(cents(0), cents(5), cents(5))))
                .containsExactly(0, 2, 1);
    }

    @Test
    void aLineDiscountStaysOnItsLineAndTheOrderDiscountSpreadsOverWhatIsLeft() {
        Line discounted = new Line(cents(1000), Quantity.of(2), cents(1000));
        CheckoutTotals totals =
                CheckoutTotals.of(List.of(discounted, line(1000, 1)), cents(500), cents(0), TaxRate.ZERO);

        assertThat(totals.lines()).extracting(LineAmounts::discount).containsExactly(cents(1250), cents(250));
        assertThat(totals.subtotal()).isEqualTo(cents(3000));
        assertThat(totals.discount()).isEqualTo(cents(1500));
        assertThat(totals.total()).isEqualTo(cents(1500));
        assertThat(totals.tax()).isEqualTo(cents(0));
    }

    @Test
    void atRateZeroNothingIsTax() {
        CheckoutTotals totals = CheckoutTotals.of(List.of(line(1999, 4)), cents(490), TaxRate.ZERO);

        assertThat(totals.tax()).isEqualTo(cents(0));
        assertThat(totals.total()).isEqualTo(cents(1999 * 4 + 490));
    }

    @Test
    void atAHundredPercentHalfOfEveryAmountIsTaxTiesToEven() {
        CheckoutTotals totals =
                CheckoutTotals.of(List.of(line(5, 1), line(7, 1)), cents(3), TaxRate.ofBasisPoints(10_000));

        assertThat(totals.lines()).extracting(LineAmounts::tax).containsExactly(cents(2), cents(4));
        assertThat(totals.shippingTax()).isEqualTo(cents(2));
        assertThat(totals.tax()).isEqualTo(cents(8));
    }

    @Test
    void aDiscountOfEverythingLeavesOnlyShipping() {
        CheckoutTotals totals = CheckoutTotals.of(List.of(line(500, 2)), cents(1000), cents(490), SEVEN_PERCENT);

        assertThat(totals.discountedSubtotal()).isEqualTo(cents(0));
        assertThat(totals.lines().getFirst().tax()).isEqualTo(cents(0));
        assertThat(totals.total()).isEqualTo(cents(490));
        assertThat(totals.tax()).isEqualTo(cents(32));
    }

    @Test
    void aDiscountAboveTheGoodsIsRefused() {
        assertThatThrownBy(() -> CheckoutTotals.of(List.of(line(500, 1)), cents(501), cents(0), SEVEN_PERCENT))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("discount");
        assertThatThrownBy(() -> new Line(cents(500), Quantity.of(1), cents(501)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void anEmptyCartCostsOnlyItsShipping() {
        CheckoutTotals totals = CheckoutTotals.of(List.of(), cents(490), SEVEN_PERCENT);

        assertThat(totals.subtotal()).isEqualTo(cents(0));
        assertThat(totals.total()).isEqualTo(cents(490));
        assertThat(totals.tax()).isEqualTo(cents(32));
    }

    private static Line line(long unitCents, int quantity) {
        return new Line(cents(unitCents), Quantity.of(quantity));
    }

    private static Money cents(long cents) {
        return Money.ofCents(cents);
    }
}
