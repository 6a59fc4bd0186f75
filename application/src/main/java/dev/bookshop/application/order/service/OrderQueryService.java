package dev.bookshop.application.order.service;

import dev.bookshop.application.order.port.in.GetMyOrderUseCase;
import dev.bookshop.application.order.port.in.ListMyOrdersUseCase;
import dev.bookshop.application.order.port.out.OrderRepository;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderNotFoundException;
import dev.bookshop.domain.user.UserId;

/** A customer's own order history. Another customer's order is answered exactly like a missing one. */
public final class OrderQueryService implements ListMyOrdersUseCase, GetMyOrderUseCase {

    private final OrderRepository orders;

    public OrderQueryService(OrderRepository orders) {
        this.orders = orders;
    }

    @Override
    public Page<Order> listMyOrders(UserId userId, PageRequest page) {
        return orders.findByUser(userId, page);
    }

    @Override
    public Order getMyOrder(UserId userId, OrderId orderId) {
        return orders.findById(orderId)
                .filter(o -> o.belongsTo(userId))
                .orElseThrow(() -> new OrderNotFoundException(orderId));
    }
}
