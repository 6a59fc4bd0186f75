package dev.bookshop.application.order.port.in;

import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.user.UserId;

/** The caller's orders, newest first. */
public interface ListMyOrdersUseCase {
    Page<Order> listMyOrders(UserId userId, PageRequest page);
}
