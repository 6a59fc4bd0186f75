package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.OrderItemsRecord;
import dev.bookshop.adapters.persistence.jooq.generated.tables.records.OrdersRecord;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.order.OrderStatus;
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
                Money.ofCents(row.getTotalAmountCents()),
                Currency.getInstance(row.getCurrency().strip()),
                OrderStatus.valueOf(row.getStatus()),
                Optional.ofNullable(row.getPaymentReference()),
                row.getCreatedAt(),
                Optional.ofNullable(row.getPaidAt()));
    }

    private static OrderItem toItem(OrderItemsRecord row) {
        return new OrderItem(
                Optional.ofNullable(row.getProductId()).map(ProductId::of),
                row.getTitleSnapshot(),
                Money.ofCents(row.getUnitPriceSnapshotCents()),
                Quantity.of(row.getQuantity()));
    }

    static OrdersRecord toRecord(Order order) {
        return new OrdersRecord(
                order.id().value(),
                order.userId().value(),
                order.total().cents(),
                order.currency().getCurrencyCode(),
                order.status().name(),
                order.paymentReference().orElse(null),
                order.createdAt(),
                order.paidAt().orElse(null));
    }

    /** The order's items as rows, numbered so they read back in the order they were placed. */
    static List<OrderItemsRecord> toItemRecords(Order order) {
        List<OrderItemsRecord> rows = new ArrayList<>(order.items().size());
        for (OrderItem item : order.items()) {
            rows.add(new OrderItemsRecord(
                    order.id().value(),
                    rows.size(),
                    item.productId().map(ProductId::value).orElse(null),
                    item.title(),
                    item.unitPrice().cents(),
                    item.quantity().value()));
        }
        return rows;
    }
}
