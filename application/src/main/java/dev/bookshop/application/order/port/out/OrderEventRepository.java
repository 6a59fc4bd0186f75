package dev.bookshop.application.order.port.out;

import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderId;
import java.util.List;

/** The append-only audit trail of orders. */
public interface OrderEventRepository {

    void append(OrderEvent event);

    /** The order's events, oldest first. */
    List<OrderEvent> findByOrder(OrderId orderId);
}
