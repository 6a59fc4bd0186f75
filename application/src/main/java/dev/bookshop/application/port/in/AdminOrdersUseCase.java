package dev.bookshop.application.port.in;

import dev.bookshop.application.query.OrderQuery;
import dev.bookshop.application.query.OrderWithCustomer;
import dev.bookshop.application.query.Page;
import dev.bookshop.domain.user.UserId;

/** Every order in the shop, for active administrators. */
public interface AdminOrdersUseCase {
    Page<OrderWithCustomer> listOrders(UserId actor, OrderQuery query);
}
