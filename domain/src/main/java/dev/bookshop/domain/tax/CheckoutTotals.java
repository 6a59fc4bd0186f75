package dev.bookshop.domain.tax;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * The amounts of one checkout, worked out once so that quote, order, payment and refund all agree to the cent.
 *
 * <p>Prices include VAT. A discount on the whole order is spread over the lines in proportion to what each still
 * costs, by largest remainder, so the shares add up to the discount exactly. Each line's tax is the tax inside its
 * discounted total, and shipping's the tax inside the shipping price, each rounded half-even on its own; the order's
 * tax is their sum. {@code total = subtotal − discount + shipping}, which is also the sum of the discounted line
 * totals plus shipping.
 */
public record CheckoutTotals(
        List<LineAmounts> lines,
        Money subtotal,
        Money discount,
        Money shipping,
        Money shippingTax,
        Money tax,
        Money total,
        TaxRate rate) {

    public CheckoutTotals {
        lines = List.copyOf(lines);
        Objects.requireNonNull(subtotal);
        Objects.requireNonNull(discount);
        Objects.requireNonNull(shipping);
        Objects.requireNonNull(shippingTax);
        Objects.requireNonNull(tax);
        Objects.requireNonNull(total);
        Objects.requireNonNull(rate);
    }

    /** One line as the cart has it: a unit price, a quantity, and a discount on this line alone (often none). */
    public record Line(Money unitPrice, Quantity quantity, Money lineDiscount) {
        public Line {
            Objects.requireNonNull(unitPrice, "unitPrice");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(lineDiscount, "lineDiscount");
            if (lineDiscount.compareTo(gross(unitPrice, quantity)) > 0) {
                throw new InvalidValueException("a line's discount must not exceed the line's total");
            }
        }

        public Line(Money unitPrice, Quantity quantity) {
            this(unitPrice, quantity, Money.ZERO);
        }

        Money lineTotal() {
            return gross(unitPrice, quantity);
        }

        private static Money gross(Money unitPrice, Quantity quantity) {
            return unitPrice.times(quantity.value());
        }
    }

    /**
     * One line's amounts: {@code lineTotal} is unit price × quantity, {@code discount} its own discount plus its share
     * of the order's, {@code discountedTotal} what is paid for it, and {@code tax} the VAT inside that.
     */
    public record LineAmounts(
            Money unitPrice, Quantity quantity, Money lineTotal, Money discount, Money discountedTotal, Money tax) {
        public LineAmounts {
            Objects.requireNonNull(unitPrice);
            Objects.requireNonNull(quantity);
            Objects.requireNonNull(lineTotal);
            Objects.requireNonNull(discount);
            Objects.requireNonNull(discountedTotal);
            Objects.requireNonNull(tax);
        }
    }

    /** Without an order discount. */
    public static CheckoutTotals of(List<Line> lines, Money shipping, TaxRate rate) {
        return of(lines, Money.ZERO, shipping, rate);
    }

    /**
     * @param orderDiscount a discount on the whole order, at most what the lines cost after their own discounts
     */
    public static CheckoutTotals of(List<Line> lines, Money orderDiscount, Money shipping, TaxRate rate) {
        Objects.requireNonNull(lines, "lines");
        Objects.requireNonNull(orderDiscount, "orderDiscount");
        Objects.requireNonNull(shipping, "shipping");
        Objects.requireNonNull(rate, "rate");
        List<Money> afterLineDiscounts =
                lines.stream().map(l -> l.lineTotal().minus(l.lineDiscount())).toList();
        Money base = afterLineDiscounts.stream().reduce(Money.ZERO, Money::plus);
        if (orderDiscount.compareTo(base) > 0) {
            throw new InvalidValueException("discount", "the discount must not exceed what the goods cost");
        }
        long[] shares = spread(orderDiscount.cents(), afterLineDiscounts);

        List<LineAmounts> amounts = new ArrayList<>(lines.size());
        Money subtotal = Money.ZERO;
        Money discount = Money.ZERO;
        Money tax = Money.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Money lineDiscount = line.lineDiscount().plus(Money.ofCents(shares[i]));
            Money paid = line.lineTotal().minus(lineDiscount);
            Money lineTax = rate.taxIn(paid);
            amounts.add(
                    new LineAmounts(line.unitPrice(), line.quantity(), line.lineTotal(), lineDiscount, paid, lineTax));
            subtotal = subtotal.plus(line.lineTotal());
            discount = discount.plus(lineDiscount);
            tax = tax.plus(lineTax);
        }
        Money shippingTax = rate.taxIn(shipping);
        Money total = subtotal.minus(discount).plus(shipping);
        return new CheckoutTotals(
                amounts, subtotal, discount, shipping, shippingTax, tax.plus(shippingTax), total, rate);
    }

    /** What the goods cost once discounted: the amount a free-shipping threshold is compared with. */
    public Money discountedSubtotal() {
        return subtotal.minus(discount);
    }

    /**
     * Splits {@code amount} over {@code weights} in proportion, by largest remainder: every line first gets the floor
     * of its exact share, then the cents left over go one each to the lines with the largest fractions (the earlier
     * line first on a tie). The shares add up to {@code amount}, and none exceeds its weight.
     */
    static long[] spread(long amount, List<Money> weights) {
        long[] shares = new long[weights.size()];
        if (amount == 0) {
            return shares;
        }
        BigInteger whole =
                BigInteger.valueOf(weights.stream().mapToLong(Money::cents).reduce(0, Math::addExact));
        BigInteger total = BigInteger.valueOf(amount);
        BigInteger[] fractions = new BigInteger[shares.length];
        long given = 0;
        for (int i = 0; i < shares.length; i++) {
            BigInteger[] division =
                    total.multiply(BigInteger.valueOf(weights.get(i).cents())).divideAndRemainder(whole);
            shares[i] = division[0].longValueExact();
            fractions[i] = division[1];
            given += shares[i];
        }
        long left = amount - given;
        int[] byFraction = IntStream.range(0, shares.length)
                .boxed()
                .sorted(Comparator.<Integer, BigInteger>comparing(i -> fractions[i])
                        .reversed()
                        .thenComparing(i -> i))
                .mapToInt(Integer::intValue)
                .toArray();
        for (int k = 0; k < left; k++) {
            shares[byFraction[k]]++;
        }
        return shares;
    }
}
