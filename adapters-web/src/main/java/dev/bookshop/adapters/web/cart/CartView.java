package dev.bookshop.adapters.web.cart;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bookshop.adapters.web.order.OrderView;
import java.time.Instant;
import java.util.List;

/**
 * The caller's cart as the API shows it; {@code updatedAt} is null for a cart never touched. {@code discount} is the
 * applied code and what it takes off now, left out while none applies; {@code totalCents} is after it.
 */
public record CartView(
        List<Item> items,
        long totalCents,
        String currency,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) OrderView.Discount discount) {

    public static CartView of(dev.bookshop.application.cart.port.in.CartView cart) {
        return new CartView(
                cart.items().stream().map(Item::of).toList(),
                cart.total().cents(),
                cart.currency().getCurrencyCode(),
                cart.updatedAt().orElse(null),
                cart.discount()
                        .map(d -> new OrderView.Discount(d.code(), d.amount().cents()))
                        .orElse(null));
    }

    /** One line; {@code available} is false when checkout would refuse it. */
    public record Item(
            String productId,
            String slug,
            String title,
            long unitPriceCents,
            int quantity,
            long lineTotalCents,
            boolean available) {

        static Item of(dev.bookshop.application.cart.port.in.CartView.Item item) {
            return new Item(
                    item.productId().toString(),
                    item.slug().value(),
                    item.title(),
                    item.unitPrice().cents(),
                    item.quantity(),
                    item.lineTotal().cents(),
                    item.available());
        }
    }
}
