package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.UserId;
import java.util.Currency;
import java.util.Optional;

/** Maps an {@link OrderEntity} with its items to an {@link Order}, and an order to a new entity. */
final class OrderMapper {

    private OrderMapper() {}

    /** The entity's items must be loaded: they come back in the order they were placed. */
    static Order toDomain(OrderEntity row) {
        return Order.rehydrate(
                OrderId.of(row.id),
                UserId.of(row.userId),
                row.items.stream().map(OrderMapper::toItem).toList(),
                Money.ofCents(row.totalAmountCents),
                Currency.getInstance(row.currency.strip()),
                OrderStatus.valueOf(row.status),
                Optional.ofNullable(row.paymentReference),
                row.createdAt,
                Optional.ofNullable(row.paidAt));
    }

    private static OrderItem toItem(OrderItemValue row) {
        return new OrderItem(
                Optional.ofNullable(row.productId).map(ProductId::of),
                row.titleSnapshot,
                Money.ofCents(row.unitPriceSnapshotCents),
                Quantity.of(row.quantity));
    }

    static OrderEntity toNewEntity(Order order) {
        OrderEntity row = new OrderEntity();
        row.id = order.id().value();
        row.userId = order.userId().value();
        row.totalAmountCents = order.total().cents();
        row.currency = order.currency().getCurrencyCode();
        row.status = order.status().name();
        row.paymentReference = order.paymentReference().orElse(null);
        row.createdAt = order.createdAt();
        row.paidAt = order.paidAt().orElse(null);
        for (OrderItem item : order.items()) {
            OrderItemValue value = new OrderItemValue();
            value.productId = item.productId().map(ProductId::value).orElse(null);
            value.titleSnapshot = item.title();
            value.unitPriceSnapshotCents = item.unitPrice().cents();
            value.quantity = item.quantity().value();
            row.items.add(value);
        }
        return row;
    }
}
