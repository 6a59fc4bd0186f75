package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.OrderItemsRecord;
import dev.bookshop.adapters.persistence.jooq.generated.tables.records.OrdersRecord;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderAmounts;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.order.ShippingMethodSnapshot;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.UserId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Maps an {@code orders} row and its {@code order_items} to an {@link Order}, and an order to its rows. */
final class OrderMapper {

    private OrderMapper() {}

    /** @param items the order's items, in position order */
    static Order toDomain(OrdersRecord row, List<OrderItemsRecord> items) {
        return Order.rehydrate(
                OrderId.of(row.getId()),
                UserId.of(row.getUserId()),
                items.stream().map(OrderMapper::toItem).toList(),
                new OrderAmounts(
                        Money.ofCents(row.getSubtotalCents()),
                        Money.ofCents(row.getDiscountCents()),
                        Money.ofCents(row.getShippingCents()),
                        Money.ofCents(row.getTaxCents()),
                        TaxRate.ofBasisPoints(row.getTaxRateBasisPoints())),
                Optional.ofNullable(row.getShipName())
                        .map(name -> new PostalAddress(
                                name,
                                row.getShipLine1(),
                                Optional.ofNullable(row.getShipLine2()),
                                row.getShipCity(),
                                row.getShipPostalCode(),
                                Optional.ofNullable(row.getShipRegion()),
                                new CountryCode(row.getShipCountry()),
                                Optional.ofNullable(row.getShipPhone()))),
                Optional.ofNullable(row.getShippingMethodName())
                        .map(name ->
                                new ShippingMethodSnapshot(name, Money.ofCents(row.getShippingMethodPriceCents()))),
                Currency.getInstance(row.getCurrency().strip()),
                OrderStatus.valueOf(row.getStatus()),
                Optional.ofNullable(row.getPaymentReference()),
                row.getCreatedAt(),
                Optional.ofNullable(row.getPaidAt()),
                Optional.ofNullable(row.getDiscountCode()));
    }

    private static OrderItem toItem(OrderItemsRecord row) {
        return new OrderItem(
                Optional.ofNullable(row.getProductId()).map(ProductId::of),
                row.getTitleSnapshot(),
                Money.ofCents(row.getUnitPriceSnapshotCents()),
                Quantity.of(row.getQuantity()),
                Money.ofCents(row.getDiscountCents()),
                Money.ofCents(row.getTaxCents()));
    }

    static OrdersRecord toRecord(Order order) {
        OrdersRecord row = new OrdersRecord();
        row.setId(order.id().value());
        row.setUserId(order.userId().value());
        row.setTotalAmountCents(order.total().cents());
        row.setCurrency(order.currency().getCurrencyCode());
        row.setStatus(order.status().name());
        row.setPaymentReference(order.paymentReference().orElse(null));
        row.setCreatedAt(order.createdAt());
        row.setPaidAt(order.paidAt().orElse(null));
        OrderAmounts amounts = order.amounts();
        row.setSubtotalCents(amounts.subtotal().cents());
        row.setDiscountCents(amounts.discount().cents());
        row.setDiscountCode(order.discountCode().orElse(null));
        row.setShippingCents(amounts.shipping().cents());
        row.setTaxCents(amounts.tax().cents());
        row.setTaxRateBasisPoints(amounts.taxRate().basisPoints());
        order.shippingAddress().ifPresent(address -> {
            row.setShipName(address.name());
            row.setShipLine1(address.line1());
            row.setShipLine2(address.line2().orElse(null));
            row.setShipCity(address.city());
            row.setShipPostalCode(address.postalCode());
            row.setShipRegion(address.region().orElse(null));
            row.setShipCountry(address.country().value());
            row.setShipPhone(address.phone().orElse(null));
        });
        order.shippingMethod().ifPresent(method -> {
            row.setShippingMethodName(method.name());
            row.setShippingMethodPriceCents(method.price().cents());
        });
        return row;
    }

    /** The order's items as rows, numbered so they read back in the order they were placed. */
    static List<OrderItemsRecord> toItemRecords(Order order) {
        List<OrderItemsRecord> rows = new ArrayList<>(order.items().size());
        for (OrderItem item : order.items()) {
            OrderItemsRecord row = new OrderItemsRecord();
            row.setOrderId(order.id().value());
            row.setPosition(rows.size());
            row.setProductId(item.productId().map(ProductId::value).orElse(null));
            row.setTitleSnapshot(item.title());
            row.setUnitPriceSnapshotCents(item.unitPrice().cents());
            row.setQuantity(item.quantity().value());
            row.setDiscountCents(item.discount().cents());
            row.setTaxCents(item.tax().cents());
            rows.add(row);
        }
        return rows;
    }
}
