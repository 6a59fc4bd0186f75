package dev.bookshop.application.cart.port.in;

import dev.bookshop.domain.common.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * A cart as the customer sees it: lines priced at today's prices, with a total after the applied discount code. The
 * discount is present while the cart's code takes something off (or nothing, for an empty cart); a code that no
 * longer applies stays with the cart but shows no discount.
 */
public record CartView(
        List<Item> items, Money total, Currency currency, Optional<Instant> updatedAt, Optional<Discount> discount) {

    public CartView {
        items = List.copyOf(items);
        java.util.Objects.requireNonNull(discount, "discount");
    }

    /** A cart without a discount. */
    public CartView(List<Item> items, Money total, Currency currency, Optional<Instant> updatedAt) {
        this(items, total, currency, updatedAt, Optional.empty());
    }

    /** The applied code and what it takes off the goods now. */
    public record Discount(String code, Money amount) {}

    /**
     * One line. {@code available} is false when the book is no longer on sale or has fewer copies than the line
     * asks for; checkout would refuse such a cart.
     */
    public record Item(
            dev.bookshop.domain.catalog.ProductId productId,
            dev.bookshop.domain.common.Slug slug,
            String title,
            Money unitPrice,
            int quantity,
            Money lineTotal,
            boolean available) {}
}
