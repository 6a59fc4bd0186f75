package dev.bookshop.adapters.web.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bookshop.adapters.web.address.AddressView;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderAmounts;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.order.ShippingMethodSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * An order as its customer sees it. {@code totalCents = subtotalCents − discountCents + shippingCents}; prices include
 * VAT, so {@code taxCents} is the part of the total that is tax. {@code shippingAddress} and {@code shippingMethod} are
 * null for an order of a shop without shipping, {@code paidAt} until it is paid. {@code discount} names the code the
 * order was placed with and what it took off ({@code discountCents}); it is left out for an order without one.
 */
public record OrderView(
        String id,
        String status,
        long subtotalCents,
        long discountCents,
        long shippingCents,
        long taxCents,
        long totalCents,
        String currency,
        int taxRateBasisPoints,
        List<Item> items,
        AddressView shippingAddress,
        ShippingMethod shippingMethod,
        Instant createdAt,
        Instant paidAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Discount discount) {

    public static OrderView of(Order order) {
        OrderAmounts amounts = order.amounts();
        return new OrderView(
                order.id().toString(),
                order.status().name(),
                amounts.subtotal().cents(),
                amounts.discount().cents(),
                amounts.shipping().cents(),
                amounts.tax().cents(),
                order.total().cents(),
                order.currency().getCurrencyCode(),
                amounts.taxRate().basisPoints(),
                order.items().stream().map(Item::of).toList(),
                order.shippingAddress().map(AddressView::copyOf).orElse(null),
                order.shippingMethod().map(ShippingMethod::of).orElse(null),
                order.createdAt(),
                order.paidAt().orElse(null),
                order.discountCode()
                        .map(code -> new Discount(code, amounts.discount().cents()))
                        .orElse(null));
    }

    /** A discount code and what it takes off the goods, in cents. */
    public record Discount(String code, long amountCents) {}

    /**
     * A line as it was sold (or, in a quote, would be); {@code productId} is null when the book is gone from the
     * catalogue. {@code lineTotalCents} is unit price × quantity, {@code taxCents} the VAT inside what is paid for it.
     */
    public record Item(
            String productId, String title, long unitPriceCents, int quantity, long lineTotalCents, long taxCents) {

        public static Item of(OrderItem item) {
            return new Item(
                    item.productId().map(ProductId::toString).orElse(null),
                    item.title(),
                    item.unitPrice().cents(),
                    item.quantity().value(),
                    item.lineTotal().cents(),
                    item.tax().cents());
        }
    }

    /** The method the order is sent with, at its list price then (shippingCents may be 0: free over a threshold). */
    public record ShippingMethod(String name, long priceCents) {

        public static ShippingMethod of(ShippingMethodSnapshot method) {
            return new ShippingMethod(method.name(), method.price().cents());
        }
    }
}
