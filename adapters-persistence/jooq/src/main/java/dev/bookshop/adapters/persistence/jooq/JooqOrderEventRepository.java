package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.ORDER_EVENTS;

import dev.bookshop.application.port.out.OrderEventRepository;
import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderId;
import java.util.List;
import org.jooq.DSLContext;

/** The append-only audit trail in {@code order_events}. */
final class JooqOrderEventRepository implements OrderEventRepository {

    private final DSLContext dsl;

    JooqOrderEventRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void append(OrderEvent event) {
        dsl.insertInto(ORDER_EVENTS).set(OrderEventMapper.toRecord(event)).execute();
    }

    @Override
    public List<OrderEvent> findByOrder(OrderId orderId) {
        // The serial id breaks ties between events of the same instant in the order they were written.
        return dsl.selectFrom(ORDER_EVENTS)
                .where(ORDER_EVENTS.ORDER_ID.eq(orderId.value()))
                .orderBy(ORDER_EVENTS.AT, ORDER_EVENTS.ID)
                .fetch(OrderEventMapper::toDomain);
    }
}
