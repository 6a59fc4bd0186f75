package dev.bookshop.adapters.web.admin;

import dev.bookshop.adapters.web.address.AddressView;
import dev.bookshop.adapters.web.order.OrderView;
import dev.bookshop.application.order.query.OrderWithCustomer;
import java.time.Instant;
import java.util.List;

/** An order as the admin sees it: the customer's view plus who placed it. */
public record AdminOrderView(
        String id,
        String status,
        long subtotalCents,
        long discountCents,
        long shippingCents,
        long taxCents,
        long totalCents,
        String currency,
        int taxRateBasisPoints,
        List<OrderView.Item> items,
        AddressView shippingAddress,
        OrderView.ShippingMethod shippingMethod,
        Instant createdAt,
        Instant paidAt,
        String userId,
        String userEmail) {

    public static AdminOrderView of(OrderWithCustomer entry) {
        OrderView order = OrderView.of(entry.order());
        return new AdminOrderView(
                order.id(),
                order.status(),
                order.subtotalCents(),
                order.discountCents(),
                order.shippingCents(),
                order.taxCents(),
                order.totalCents(),
                order.currency(),
                order.taxRateBasisPoints(),
                order.items(),
                order.shippingAddress(),
                order.shippingMethod(),
                order.createdAt(),
                order.paidAt(),
                entry.order().userId().toString(),
                entry.customerEmail().value());
    }
}
