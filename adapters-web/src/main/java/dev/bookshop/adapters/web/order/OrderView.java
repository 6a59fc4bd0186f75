package dev.bookshop.adapters.web.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bookshop.domain.address.PostalAddress;
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
 * null for an order of a shop without shipping, {@code paidAt} until it is paid.
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
        ShippingAddress shippingAddress,
        ShippingMethod shippingMethod,
        Instant createdAt,
        Instant paidAt) {

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
                order.shippingAddress().map(ShippingAddress::of).orElse(null),
                order.shippingMethod().map(ShippingMethod::of).orElse(null),
                order.createdAt(),
                order.paidAt().orElse(null));
    }

    /**
     * A line as it was sold; {@code productId} is null when the book is gone from the catalogue. {@code taxCents} is
     * the VAT inside what was paid for the line.
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

    /** The order's own copy of the address; optional parts it does not have are left out. */
    public record ShippingAddress(
            String name,
            String line1,
            @JsonInclude(JsonInclude.Include.NON_NULL) String line2,
            String city,
            String postalCode,
            @JsonInclude(JsonInclude.Include.NON_NULL) String region,
            String country,
            @JsonInclude(JsonInclude.Include.NON_NULL) String phone) {

        public static ShippingAddress of(PostalAddress address) {
            return new ShippingAddress(
                    address.name(),
                    address.line1(),
                    address.line2().orElse(null),
                    address.city(),
                    address.postalCode(),
                    address.region().orElse(null),
                    address.country().value(),
                    address.phone().orElse(null));
        }
    }

    /** The method the order is sent with, at its list price then (shippingCents may be 0: free over a threshold). */
    public record ShippingMethod(String name, long priceCents) {

        public static ShippingMethod of(ShippingMethodSnapshot method) {
            return new ShippingMethod(method.name(), method.price().cents());
        }
    }
}
