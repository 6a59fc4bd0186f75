package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderEventType;
import dev.bookshop.domain.order.OrderId;

/** Maps an {@link OrderEventEntity} to an {@link OrderEvent} and back. */
final class OrderEventMapper {

    private OrderEventMapper() {}

    static OrderEvent toDomain(OrderEventEntity row) {
        return new OrderEvent(OrderId.of(row.orderId), OrderEventType.valueOf(row.type), row.detail, row.at);
    }

    /** A new row; the database numbers it. */
    static OrderEventEntity toNewEntity(OrderEvent event) {
        OrderEventEntity row = new OrderEventEntity();
        row.orderId = event.orderId().value();
        row.type = event.type().name();
        row.detail = event.detail();
        row.at = event.at();
        return row;
    }
}
