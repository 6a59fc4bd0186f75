package dev.bookshop.application.service;

import dev.bookshop.application.port.out.MailOutbox;
import dev.bookshop.application.port.out.OrderEventRepository;
import dev.bookshop.application.port.out.OrderRepository;
import dev.bookshop.application.port.out.ProductRepository;
import dev.bookshop.application.port.out.UserRepository;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderEventType;
import dev.bookshop.domain.order.OrderItem;
import java.time.Instant;

/**
 * The two ways an order's status moves, with everything that must happen in the same transaction: the audit trail,
 * the stock coming back on failure, the confirmation mail queued on payment. Callers hold the order locked, so each
 * move happens once.
 */
final class OrderLifecycle {

    private final OrderRepository orders;
    private final ProductRepository products;
    private final OrderEventRepository events;
    private final UserRepository users;
    private final MailOutbox outbox;
    private final ConfirmationMails mails;

    OrderLifecycle(
            OrderRepository orders,
            ProductRepository products,
            OrderEventRepository events,
            UserRepository users,
            MailOutbox outbox,
            ConfirmationMails mails) {
        this.orders = orders;
        this.products = products;
        this.events = events;
        this.users = users;
        this.outbox = outbox;
        this.mails = mails;
    }

    Order pay(Order order, Instant now) {
        Order paid = order.markPaid(now);
        orders.update(paid);
        record(paid, OrderEventType.PAID, "", now);
        users.findById(paid.userId())
                .ifPresent(customer -> outbox.enqueueIfAbsent(mails.confirmation(paid, customer.email(), now)));
        return paid;
    }

    Order fail(Order order, OrderEventType why, String detail, Instant now) {
        Order failed = order.markFailed();
        for (OrderItem item : failed.items()) {
            item.productId()
                    .ifPresent(id -> products.incrementStock(id, item.quantity().value()));
        }
        orders.update(failed);
        record(failed, why, detail, now);
        return failed;
    }

    void record(Order order, OrderEventType type, String detail, Instant now) {
        events.append(new OrderEvent(order.id(), type, detail, now));
    }
}
