package dev.bookshop.application.port.in;

import dev.bookshop.application.query.Page;
import dev.bookshop.application.query.PageRequest;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.user.UserId;

/** The caller's orders, newest first. */
public interface ListMyOrdersUseCase {
    Page<Order> listMyOrders(UserId userId, PageRequest page);
}
