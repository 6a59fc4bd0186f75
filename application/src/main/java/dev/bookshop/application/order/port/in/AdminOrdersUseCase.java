package dev.bookshop.application.order.port.in;

import dev.bookshop.application.order.query.OrderQuery;
import dev.bookshop.application.order.query.OrderWithCustomer;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.domain.user.UserId;

/** Every order in the shop, for active administrators. */
public interface AdminOrdersUseCase {
    Page<OrderWithCustomer> listOrders(UserId actor, OrderQuery query);
}
