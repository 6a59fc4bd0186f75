package dev.bookshop.application.order.port.in;

import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.user.UserId;

/** One of the caller's orders; someone else's order is {@code ORDER_NOT_FOUND}, exactly like a missing one. */
public interface GetMyOrderUseCase {
    Order getMyOrder(UserId userId, OrderId orderId);
}
