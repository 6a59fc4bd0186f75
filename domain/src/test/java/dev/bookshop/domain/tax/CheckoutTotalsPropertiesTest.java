package dev.bookshop.domain.tax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.tax.CheckoutTotals.Line;
import dev.bookshop.domain.tax.CheckoutTotals.LineAmounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** For random carts, rates, discounts and shipping prices, the checkout's amounts agree to the cent. */
class CheckoutTotalsPropertiesTest {

    @Property(tries = 2_000)
    void totalsNeverDrift(
            @ForAll("carts") List<Line> lines,
            @ForAll @IntRange(min = 0, max = 10_000) int basisPoints,
            @ForAll @IntRange(min = 0, max = 100) int discountPercent,
            @ForAll @LongRange(min = 0, max = 5_000) long shippingCents) {
        TaxRate rate = TaxRate.ofBasisPoints(basisPoints);
        long goods = lines.stream()
                .mapToLong(l -> l.unitPrice().cents() * l.quantity().value()
                        - l.lineDiscount().cents())
                .sum();
        Money discount = Money.ofCents(goods * discountPercent / 100);

        CheckoutTotals totals = CheckoutTotals.of(lines, discount, Money.ofCents(shippingCents), rate);

        List<LineAmounts> amounts = totals.lines();
        assertThat(amounts).hasSize(lines.size());
        long paidForGoods =
                amounts.stream().mapToLong(a -> a.discountedTotal().cents()).sum();
        assertThat(paidForGoods + shippingCents).isEqualTo(totals.total().cents());
        assertThat(totals.total().cents())
                .isEqualTo(totals.subtotal().cents() - totals.discount().cents() + shippingCents);
        assertThat(amounts.stream().mapToLong(a -> a.lineTotal().cents()).sum())
                .isEqualTo(totals.subtotal().cents());
        assertThat(amounts.stream().mapToLong(a -> a.discount().cents()).sum())
                .isEqualTo(totals.discount().cents());
        long orderDiscountSpread = amounts.stream()
                        .mapToLong(a -> a.discount().cents())
                        .sum()
                - lines.stream().mapToLong(l -> l.lineDiscount().cents()).sum();
        assertThat(orderDiscountSpread).isEqualTo(discount.cents());
        assertThat(amounts.stream().mapToLong(a -> a.tax().cents()).sum()
                        + totals.shippingTax().cents())
                .isEqualTo(totals.tax().cents());
        for (int i = 0; i < amounts.size(); i++) {
            LineAmounts a = amounts.get(i);
            assertThat(a.discountedTotal().cents())
                    .isEqualTo(a.lineTotal().cents() - a.discount().cents());
            assertThat(a.discount().cents())
                    .isBetween(
                            lines.get(i).lineDiscount().cents(), a.lineTotal().cents());
            assertThat(a.tax().cents()).isEqualTo(exactTax(a.discountedTotal().cents(), basisPoints));
            assertThat(a.tax()).isLessThanOrEqualTo(a.discountedTotal());
        }
        assertThat(totals.shippingTax().cents()).isEqualTo(exactTax(shippingCents, basisPoints));
    }

    @Property(tries = 1_000)
    void theDiscountIsSpreadWithinACentOfItsExactShare(
            @ForAll("carts") List<Line> lines, @ForAll @IntRange(min = 0, max = 100) int discountPercent) {
        List<Money> weights = lines.stream()
                .map(l -> Money.ofCents(l.unitPrice().cents() * l.quantity().value()
                        - l.lineDiscount().cents()))
                .toList();
        long whole = weights.stream().mapToLong(Money::cents).sum();
        long discount = whole * discountPercent / 100;

        long[] shares = CheckoutTotals.spread(discount, weights);

        long sum = 0;
        for (int i = 0; i < shares.length; i++) {
            BigDecimal exact = whole == 0
                    ? BigDecimal.ZERO
                    : BigDecimal.valueOf(discount)
                            .multiply(BigDecimal.valueOf(weights.get(i).cents()))
                            .divide(BigDecimal.valueOf(whole), 10, RoundingMode.HALF_EVEN);
            assertThat(BigDecimal.valueOf(shares[i]).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
            assertThat(shares[i]).isBetween(0L, weights.get(i).cents());
            sum += shares[i];
        }
        assertThat(sum).isEqualTo(discount);
    }

    /** The reference: the tax inside {@code gross}, worked out independently in decimal. */
    private static long exactTax(long gross, int basisPoints) {
        return BigDecimal.valueOf(gross)
                .multiply(BigDecimal.valueOf(basisPoints))
                .divide(BigDecimal.valueOf(10_000L + basisPoints), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }

    @Provide
    Arbitrary<List<Line>> carts() {
        Arbitrary<Line> line = Combinators.combine(
                        Arbitraries.longs().between(1, 20_000),
                        Arbitraries.integers().between(1, 50),
                        Arbitraries.integers().between(0, 100))
                .as((unit, quantity, lineDiscountPercent) -> new Line(
                        Money.ofCents(unit),
                        Quantity.of(quantity),
                        Money.ofCents(unit * quantity * lineDiscountPercent / 100 / 3)));
        return line.list().ofMinSize(0).ofMaxSize(12);
    }
}
