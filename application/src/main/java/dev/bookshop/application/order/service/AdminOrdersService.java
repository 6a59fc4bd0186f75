package dev.bookshop.application.order.service;

import dev.bookshop.application.order.port.in.AdminOrdersUseCase;
import dev.bookshop.application.order.port.out.OrderRepository;
import dev.bookshop.application.order.query.OrderQuery;
import dev.bookshop.application.order.query.OrderWithCustomer;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.service.Actors;
import dev.bookshop.domain.user.UserId;

/** The admin's view of every customer's orders. */
public final class AdminOrdersService implements AdminOrdersUseCase {

    private final OrderRepository orders;
    private final Actors actors;

    public AdminOrdersService(OrderRepository orders, Actors actors) {
        this.orders = orders;
        this.actors = actors;
    }

    @Override
    public Page<OrderWithCustomer> listOrders(UserId actor, OrderQuery query) {
        actors.requireAdmin(actor);
        return orders.findAll(query);
    }
}
