package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.ORDER_EVENTS;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.OrderEventsRecord;
import dev.bookshop.application.order.port.out.OrderEventRepository;
import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The append-only audit trail in {@code order_events}. */
final class JooqOrderEventRepository implements OrderEventRepository {

    private final DSLContext dsl;

    /** Written with every order placed, paid or failed (see Prepared). Values: order, type, detail, time. */
    private final Prepared insert;

    JooqOrderEventRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.insert = Prepared.of(
                dsl,
                dsl.insertInto(
                                ORDER_EVENTS,
                                ORDER_EVENTS.ORDER_ID,
                                ORDER_EVENTS.TYPE,
                                ORDER_EVENTS.DETAIL,
                                ORDER_EVENTS.AT)
                        .values(
                                DSL.param("order", UUID.class),
                                DSL.param("type", String.class),
                                DSL.param("detail", String.class),
                                DSL.param("at", Instant.class)));
    }

    @Override
    public void append(OrderEvent event) {
        OrderEventsRecord row = OrderEventMapper.toRecord(event);
        insert.execute(dsl, row.getOrderId(), row.getType(), row.getDetail(), row.getAt());
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
