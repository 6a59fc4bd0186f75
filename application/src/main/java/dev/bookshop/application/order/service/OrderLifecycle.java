package dev.bookshop.application.order.service;

import dev.bookshop.application.account.port.out.UserRepository;
import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.mail.port.out.MailOutbox;
import dev.bookshop.application.mail.service.ConfirmationMails;
import dev.bookshop.application.order.port.out.OrderEventRepository;
import dev.bookshop.application.order.port.out.OrderRepository;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderEventType;
import dev.bookshop.domain.order.OrderItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The two ways an order's status moves, with everything that must happen in the same transaction: the audit trail,
 * the stock coming back on failure, the confirmation mail queued on payment. Callers hold the order locked, so each
 * move happens once.
 */
public final class OrderLifecycle {

    private final OrderRepository orders;
    private final ProductRepository products;
    private final OrderEventRepository events;
    private final UserRepository users;
    private final MailOutbox outbox;
    private final ConfirmationMails mails;

    public OrderLifecycle(
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

    public Order pay(Order order, Instant now) {
        Order paid = order.markPaid(now);
        orders.update(paid);
        record(paid, OrderEventType.PAID, "", now);
        users.findById(paid.userId())
                .ifPresent(customer -> outbox.enqueueIfAbsent(mails.confirmation(paid, customer.email(), now)));
        return paid;
    }

    public Order fail(Order order, OrderEventType why, String detail, Instant now) {
        return failAll(List.of(order), why, detail, now).getFirst();
    }

    /**
     * Fails several orders in one transaction. Their stock goes back summed per book and in {@link
     * ProductId#LOCK_ORDER}, the order checkout takes it in, so a sweep and a checkout never wait on each other in a
     * circle.
     */
    public List<Order> failAll(List<Order> pending, OrderEventType why, String detail, Instant now) {
        Map<ProductId, Integer> returned = new TreeMap<>(ProductId.LOCK_ORDER);
        List<Order> failed = new ArrayList<>(pending.size());
        for (Order order : pending) {
            Order changed = order.markFailed();
            for (OrderItem item : changed.items()) {
                item.productId()
                        .ifPresent(id -> returned.merge(id, item.quantity().value(), Integer::sum));
            }
            orders.update(changed);
            record(changed, why, detail, now);
            failed.add(changed);
        }
        returned.forEach(products::incrementStock);
        return failed;
    }

    /** Whether the order's audit trail holds an event of this type. */
    public boolean happened(Order order, OrderEventType type) {
        return events.findByOrder(order.id()).stream().anyMatch(e -> e.type() == type);
    }

    public void record(Order order, OrderEventType type, String detail, Instant now) {
        events.append(new OrderEvent(order.id(), type, detail, now));
    }
}
