package dev.bookshop.application.cart.port.in;

import dev.bookshop.domain.common.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** A cart as the customer sees it: lines priced at today's prices, with a total. */
public record CartView(List<Item> items, Money total, Currency currency, Optional<Instant> updatedAt) {

    public CartView {
        items = List.copyOf(items);
    }

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
