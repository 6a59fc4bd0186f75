package dev.bookshop.adapters.web.order;

import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderItem;
import java.time.Instant;
import java.util.List;

/** An order as its customer sees it; {@code paidAt} is null until paid. */
public record OrderView(
        String id,
        String status,
        long totalCents,
        String currency,
        List<Item> items,
        Instant createdAt,
        Instant paidAt) {

    public static OrderView of(Order order) {
        return new OrderView(
                order.id().toString(),
                order.status().name(),
                order.total().cents(),
                order.currency().getCurrencyCode(),
                order.items().stream().map(Item::of).toList(),
                order.createdAt(),
                order.paidAt().orElse(null));
    }

    /** A line as it was sold; {@code productId} is null when the book is gone from the catalogue. */
    public record Item(String productId, String title, long unitPriceCents, int quantity, long lineTotalCents) {

        public static Item of(OrderItem item) {
            return new Item(
                    item.productId().map(ProductId::toString).orElse(null),
                    item.title(),
                    item.unitPrice().cents(),
                    item.quantity().value(),
                    item.lineTotal().cents());
        }
    }
}
