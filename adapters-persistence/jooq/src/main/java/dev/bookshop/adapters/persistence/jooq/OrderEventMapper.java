package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.OrderEventsRecord;
import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderEventType;
import dev.bookshop.domain.order.OrderId;

/** Maps an {@code order_events} row to an {@link OrderEvent} and back. */
final class OrderEventMapper {

    private OrderEventMapper() {}

    static OrderEvent toDomain(OrderEventsRecord row) {
        return new OrderEvent(
                OrderId.of(row.getOrderId()), OrderEventType.valueOf(row.getType()), row.getDetail(), row.getAt());
    }

    /** A new row; the database numbers it. */
    static OrderEventsRecord toRecord(OrderEvent event) {
        OrderEventsRecord row = new OrderEventsRecord();
        row.setOrderId(event.orderId().value());
        row.setType(event.type().name());
        row.setDetail(event.detail());
        row.setAt(event.at());
        return row;
    }
}
