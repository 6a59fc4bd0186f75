package dev.bookshop.application.service;

import dev.bookshop.application.port.in.ExpirePendingOrdersUseCase;
import dev.bookshop.application.port.in.HandlePaymentEventUseCase;
import dev.bookshop.application.port.in.PaymentEvent;
import dev.bookshop.application.port.out.OrderRepository;
import dev.bookshop.application.port.out.PaymentGateway;
import dev.bookshop.application.port.out.PaymentGatewayException;
import dev.bookshop.application.port.out.ProcessedEventRepository;
import dev.bookshop.application.port.out.TransactionRunner;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderEventType;
import dev.bookshop.domain.order.OrderStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What happens to orders after checkout: the provider's reports of success or failure, and the sweep that fails
 * orders nobody paid for in time. Events can arrive twice, out of order, or before checkout has stored the payment
 * reference; each case is handled without double effects.
 */
public final class PaymentOutcomeService implements HandlePaymentEventUseCase, ExpirePendingOrdersUseCase {

    static final int SWEEP_BATCH = 100;

    private final TransactionRunner transactions;
    private final OrderRepository orders;
    private final ProcessedEventRepository processedEvents;
    private final PaymentGateway payments;
    private final OrderLifecycle lifecycle;
    private final Clock clock;
    private final ShopSettings settings;

    PaymentOutcomeService(
            TransactionRunner transactions,
            OrderRepository orders,
            ProcessedEventRepository processedEvents,
            PaymentGateway payments,
            OrderLifecycle lifecycle,
            Clock clock,
            ShopSettings settings) {
        this.transactions = transactions;
        this.orders = orders;
        this.processedEvents = processedEvents;
        this.payments = payments;
        this.lifecycle = lifecycle;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void handle(PaymentEvent event) {
        Optional<Order> toRefund = transactions.inTransaction(() -> apply(event));
        toRefund.ifPresent(order -> refund(order, event));
    }

    /** Applies the event and answers an order whose late payment must be given back once the transaction commits. */
    private Optional<Order> apply(PaymentEvent event) {
        Instant now = clock.instant();
        // Recorded in the same transaction as the change it causes: a redelivery finds it and changes nothing.
        if (!processedEvents.markProcessed(event.provider(), event.eventId(), now)) {
            return Optional.empty();
        }
        if (event.type() == PaymentEvent.Type.OTHER) {
            return Optional.empty();
        }
        // The event can beat checkout's own write of the reference, hence the fallback to the order id it carries.
        Optional<Order> found = orders.findByPaymentReferenceForUpdate(event.paymentReference())
                .or(() -> event.orderId().flatMap(orders::findByIdForUpdate));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Order order = found.get();
        if (order.paymentReference().isEmpty()) {
            order = order.withPaymentReference(event.paymentReference());
            orders.update(order);
        }
        return switch (event.type()) {
            case SUCCEEDED -> succeeded(order, event, now);
            case FAILED, CANCELED -> {
                if (order.status() == OrderStatus.PENDING) {
                    lifecycle.fail(
                            order,
                            OrderEventType.PAYMENT_FAILED,
                            event.type().name().toLowerCase(),
                            now);
                }
                yield Optional.empty();
            }
            case OTHER -> Optional.empty();
        };
    }

    private Optional<Order> succeeded(Order order, PaymentEvent event, Instant now) {
        if (!order.isSettledBy(event.amount(), event.currency())) {
            lifecycle.record(
                    order,
                    OrderEventType.AMOUNT_MISMATCH,
                    event.amount().cents() + " " + event.currency().getCurrencyCode(),
                    now);
            return Optional.empty();
        }
        return switch (order.status()) {
            case PENDING -> {
                lifecycle.pay(order, now);
                yield Optional.empty();
            }
            case FAILED -> {
                // The money arrived after the order expired and its books went back on sale: give it back.
                lifecycle.record(order, OrderEventType.PAYMENT_AFTER_EXPIRY, event.paymentReference(), now);
                yield Optional.of(order);
            }
            case PAID -> Optional.empty();
        };
    }

    private void refund(Order order, PaymentEvent event) {
        OrderEventType outcome;
        String detail = event.paymentReference();
        try {
            payments.refund(event.paymentReference(), event.amount(), event.currency(), "refund-" + order.id());
            outcome = OrderEventType.REFUNDED;
        } catch (PaymentGatewayException e) {
            outcome = OrderEventType.REFUND_FAILED;
            detail = detail + ": " + e.getMessage();
        }
        OrderEventType recorded = outcome;
        String recordedDetail = detail;
        transactions.inTransaction(() -> lifecycle.record(order, recorded, recordedDetail, clock.instant()));
    }

    @Override
    public int expireOverdueOrders() {
        int expired = 0;
        int batch;
        do {
            batch = transactions.inTransaction(() -> {
                Instant now = clock.instant();
                List<Order> overdue =
                        orders.lockPendingCreatedBefore(now.minus(settings.orderPaymentTimeout()), SWEEP_BATCH);
                overdue.forEach(order -> lifecycle.fail(order, OrderEventType.EXPIRED, "", now));
                return overdue.size();
            });
            expired += batch;
        } while (batch == SWEEP_BATCH);
        return expired;
    }
}
