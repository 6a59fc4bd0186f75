package dev.bookshop.application.payment.service;

import dev.bookshop.application.order.port.in.ExpirePendingOrdersUseCase;
import dev.bookshop.application.order.port.out.OrderRepository;
import dev.bookshop.application.order.service.OrderLifecycle;
import dev.bookshop.application.payment.port.in.HandlePaymentEventUseCase;
import dev.bookshop.application.payment.port.in.PaymentEvent;
import dev.bookshop.application.payment.port.out.PaymentGateway;
import dev.bookshop.application.payment.port.out.PaymentGatewayException;
import dev.bookshop.application.payment.port.out.ProcessedEventRepository;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderEventType;
import dev.bookshop.domain.order.OrderTransition;
import dev.bookshop.domain.order.PaymentProviderUnavailableException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

    public PaymentOutcomeService(
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
        Optional<Order> paidTooLate = transactions.inTransaction(() -> apply(event));
        paidTooLate.ifPresent(order -> refund(order, event));
    }

    /**
     * Applies the event, in the same transaction that records it as handled. The one exception is a payment for an
     * order that already failed: that answers the order, and the event is recorded only once its refund went through.
     */
    private Optional<Order> apply(PaymentEvent event) {
        Instant now = clock.instant();
        if (processedEvents.isProcessed(event.provider(), event.eventId())) {
            return Optional.empty();
        }
        // The event can beat checkout's own write of the reference, hence the fallback to the order id it carries.
        Optional<Order> found = event.type() == PaymentEvent.Type.OTHER
                ? Optional.empty()
                : orders.findByPaymentReferenceForUpdate(event.paymentReference())
                        .or(() -> event.orderId().flatMap(orders::findByIdForUpdate));
        if (found.isEmpty()) {
            // Recorded all the same, so a redelivery of an event for no order of ours is dropped at once.
            processedEvents.markProcessed(event.provider(), event.eventId(), now);
            return Optional.empty();
        }
        Order order = found.get();
        Order referenced =
                order.paymentReference().isPresent() ? order : order.withPaymentReference(event.paymentReference());
        switch (event.type()) {
            case SUCCEEDED -> {
                switch (referenced.applyPayment(event.amount(), event.currency(), now)) {
                    case OrderTransition.RefundDue due -> {
                        return found;
                    }
                    case OrderTransition.Paid paid -> {
                        if (markHandled(event, order, referenced, now)) {
                            lifecycle.paid(paid, now);
                        }
                    }
                    case OrderTransition.AmountMismatch mismatch -> {
                        if (markHandled(event, order, referenced, now)) {
                            lifecycle.record(
                                    referenced,
                                    OrderEventType.AMOUNT_MISMATCH,
                                    event.amount().cents() + " "
                                            + event.currency().getCurrencyCode(),
                                    now);
                        }
                    }
                    case OrderTransition.Ignored ignored -> markHandled(event, order, referenced, now);
                }
            }
            case FAILED, CANCELED -> {
                if (markHandled(event, order, referenced, now)) {
                    switch (referenced.fail()) {
                        case OrderTransition.Failed failed ->
                            lifecycle.failed(
                                    failed,
                                    OrderEventType.PAYMENT_FAILED,
                                    event.type().name().toLowerCase(),
                                    now);
                        case OrderTransition.Ignored ignored -> {}
                    }
                }
            }
            case OTHER -> markHandled(event, order, referenced, now);
        }
        return Optional.empty();
    }

    /**
     * Records the event as handled, in the same transaction as the change it causes, so a redelivery finds it and
     * changes nothing; with it goes the payment reference, should the event have beaten checkout to writing it.
     */
    private boolean markHandled(PaymentEvent event, Order order, Order referenced, Instant now) {
        if (!processedEvents.markProcessed(event.provider(), event.eventId(), now)) {
            return false;
        }
        if (referenced != order) {
            orders.update(referenced);
        }
        return true;
    }

    /**
     * The money arrived after the order failed and its books went back on sale: give it back. A refund the provider
     * refuses is recorded and reported as the provider being unavailable, so the event is not recorded as handled and
     * the provider's redelivery tries again; the idempotency key makes every try the same refund.
     */
    private void refund(Order order, PaymentEvent event) {
        String reference = event.paymentReference();
        try {
            payments.refund(reference, event.amount(), event.currency(), "refund-" + order.id());
        } catch (PaymentGatewayException e) {
            transactions.inTransaction(() -> lifecycle.record(
                    order, OrderEventType.REFUND_FAILED, reference + ": " + e.getMessage(), clock.instant()));
            throw new PaymentProviderUnavailableException("the refund of a late payment failed; it is tried again");
        }
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (processedEvents.markProcessed(event.provider(), event.eventId(), now)) {
                lifecycle.record(order, OrderEventType.PAYMENT_AFTER_EXPIRY, reference, now);
                lifecycle.record(order, OrderEventType.REFUNDED, reference, now);
            }
        });
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
                List<OrderTransition.Failed> failed = new ArrayList<>(overdue.size());
                for (Order order : overdue) {
                    switch (order.fail()) {
                        case OrderTransition.Failed f -> failed.add(f);
                        case OrderTransition.Ignored ignored -> {}
                    }
                }
                lifecycle.failedAll(failed, OrderEventType.EXPIRED, "", now);
                return overdue.size();
            });
            expired += batch;
        } while (batch == SWEEP_BATCH);
        return expired;
    }
}
