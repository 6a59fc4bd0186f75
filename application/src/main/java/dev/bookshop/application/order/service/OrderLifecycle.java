package dev.bookshop.application.order.service;

import dev.bookshop.application.account.port.out.UserRepository;
import dev.bookshop.application.catalog.port.out.ProductRepository;
import dev.bookshop.application.discount.service.DiscountRedemptions;
import dev.bookshop.application.mail.port.out.MailOutbox;
import dev.bookshop.application.mail.service.ConfirmationMails;
import dev.bookshop.application.order.port.out.OrderEventRepository;
import dev.bookshop.application.order.port.out.OrderRepository;
import dev.bookshop.domain.catalog.ProductId;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderEventType;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.order.OrderTransition;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything that must happen, in the same transaction, once an order has decided to move: the write, the audit
 * trail, the stock and the discount code's redemption coming back on failure, the confirmation mail queued on payment. It takes only the order's own
 * decisions, so it never judges a status itself. Callers hold the order locked, so each move happens once.
 */
public final class OrderLifecycle {

    private final OrderRepository orders;
    private final ProductRepository products;
    private final OrderEventRepository events;
    private final UserRepository users;
    private final MailOutbox outbox;
    private final ConfirmationMails mails;
    private final DiscountRedemptions discounts;

    public OrderLifecycle(
            OrderRepository orders,
            ProductRepository products,
            OrderEventRepository events,
            UserRepository users,
            MailOutbox outbox,
            ConfirmationMails mails,
            DiscountRedemptions discounts) {
        this.discounts = discounts;
        this.orders = orders;
        this.products = products;
        this.events = events;
        this.users = users;
        this.outbox = outbox;
        this.mails = mails;
    }

    public Order paid(OrderTransition.Paid transition, Instant now) {
        Order paid = transition.order();
        orders.update(paid);
        record(paid, OrderEventType.PAID, "", now);
        // An erased account has no address left to write to: its confirmation is not queued at all.
        users.findById(paid.userId())
                .filter(customer -> !customer.erased())
                .ifPresent(customer -> outbox.enqueueIfAbsent(mails.confirmation(paid, customer.email(), now)));
        return paid;
    }

    public Order failed(OrderTransition.Failed transition, OrderEventType why, String detail, Instant now) {
        failedAll(List.of(transition), why, detail, now);
        return transition.order();
    }

    /**
     * Several orders failed in one transaction. Their stock goes back summed per book and in {@link
     * ProductId#LOCK_ORDER}, the order checkout takes it in, so a sweep and a checkout never wait on each other in a
     * circle.
     */
    public void failedAll(List<OrderTransition.Failed> transitions, OrderEventType why, String detail, Instant now) {
        Map<ProductId, Integer> returned = new TreeMap<>(ProductId.LOCK_ORDER);
        for (OrderTransition.Failed transition : transitions) {
            Order failed = transition.order();
            for (OrderItem item : failed.items()) {
                item.productId()
                        .ifPresent(id -> returned.merge(id, item.quantity().value(), Integer::sum));
            }
            orders.update(failed);
            // Before the stock: a checkout locks its discount code before the books, so this never waits in a circle.
            discounts.giveBack(failed.id());
            record(failed, why, detail, now);
        }
        returned.forEach(products::incrementStock);
    }

    /** Whether the order's audit trail holds an event of this type. */
    public boolean happened(Order order, OrderEventType type) {
        return events.findByOrder(order.id()).stream().anyMatch(e -> e.type() == type);
    }

    public void record(Order order, OrderEventType type, String detail, Instant now) {
        events.append(new OrderEvent(order.id(), type, detail, now));
    }
}
