package dev.bookshop.domain.order;

import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.tax.CheckoutTotals;
import dev.bookshop.domain.tax.TaxRate;
import java.util.Objects;

/**
 * What an order costs, as fixed at checkout: the goods before discount, the discount, shipping, the VAT inside all of
 * it and the rate it was worked out at. Prices include VAT, so tax is part of the total, never added to it: {@code
 * total = subtotal − discount + shipping}.
 */
public record OrderAmounts(Money subtotal, Money discount, Money shipping, Money tax, TaxRate taxRate) {

    public OrderAmounts {
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(shipping, "shipping");
        Objects.requireNonNull(tax, "tax");
        Objects.requireNonNull(taxRate, "taxRate");
        if (discount.compareTo(subtotal) > 0) {
            throw new InvalidValueException("the discount must not exceed the subtotal");
        }
        if (tax.compareTo(subtotal.minus(discount).plus(shipping)) > 0) {
            throw new InvalidValueException("the tax must not exceed the total it is part of");
        }
    }

    /** An order of goods alone: no discount, no shipping, no VAT (a release-1 order reads back as this). */
    public static OrderAmounts untaxed(Money subtotal) {
        return new OrderAmounts(subtotal, Money.ZERO, Money.ZERO, Money.ZERO, TaxRate.ZERO);
    }

    public static OrderAmounts of(CheckoutTotals totals) {
        return new OrderAmounts(totals.subtotal(), totals.discount(), totals.shipping(), totals.tax(), totals.rate());
    }

    public Money total() {
        return subtotal.minus(discount).plus(shipping);
    }
}
