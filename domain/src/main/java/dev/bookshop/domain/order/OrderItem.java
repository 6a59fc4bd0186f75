package dev.bookshop.domain.order;

import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.common.Text;
import java.util.Objects;
import java.util.Optional;

/**
 * A line of an order as it was sold: title and unit price are snapshots that never follow later catalogue edits. The
 * product reference may be empty when the book is gone. {@code discount} is the part of the order's discount this
 * line carries, and {@code tax} the VAT inside what was paid for it ({@link #discountedTotal()}), fixed at checkout so
 * a later refund of the line gives back exactly what it cost.
 */
public record OrderItem(
        Optional<ProductId> productId, String title, Money unitPrice, Quantity quantity, Money discount, Money tax) {

    public OrderItem {
        Objects.requireNonNull(productId);
        title = Text.required(title, "title", 300);
        Objects.requireNonNull(unitPrice);
        Objects.requireNonNull(quantity);
        Objects.requireNonNull(discount);
        Objects.requireNonNull(tax);
        Money lineTotal = unitPrice.times(quantity.value());
        if (discount.compareTo(lineTotal) > 0) {
            throw new InvalidValueException("a line's discount must not exceed the line's total");
        }
        if (tax.compareTo(lineTotal.minus(discount)) > 0) {
            throw new InvalidValueException("a line's tax must not exceed what was paid for it");
        }
    }

    /** A line with no discount and no tax: what a shop without VAT sells. */
    public OrderItem(Optional<ProductId> productId, String title, Money unitPrice, Quantity quantity) {
        this(productId, title, unitPrice, quantity, Money.ZERO, Money.ZERO);
    }

    /** Unit price × quantity, before any discount. */
    public Money lineTotal() {
        return unitPrice.times(quantity.value());
    }

    /** What the customer pays for this line. */
    public Money discountedTotal() {
        return lineTotal().minus(discount);
    }
}
