package dev.bookshop.adapters.web.admin;

import dev.bookshop.adapters.web.order.OrderView;
import dev.bookshop.application.order.query.OrderWithCustomer;
import java.time.Instant;
import java.util.List;

/** An order as the admin sees it: the customer's view plus who placed it. */
public record AdminOrderView(
        String id,
        String status,
        long totalCents,
        String currency,
        List<OrderView.Item> items,
        Instant createdAt,
        Instant paidAt,
        String userId,
        String userEmail) {

    public static AdminOrderView of(OrderWithCustomer entry) {
        OrderView order = OrderView.of(entry.order());
        return new AdminOrderView(
                order.id(),
                order.status(),
                order.totalCents(),
                order.currency(),
                order.items(),
                order.createdAt(),
                order.paidAt(),
                entry.order().userId().toString(),
                entry.customerEmail().value());
    }
}
