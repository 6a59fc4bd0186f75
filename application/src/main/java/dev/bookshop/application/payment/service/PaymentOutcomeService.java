package dev.bookshop.application.payment.service;

import dev.bookshop.application.order.port.in.ExpirePendingOrdersUseCase;
import dev.bookshop.application.order.port.out.OrderRepository;
import dev.bookshop.application.order.service.OrderLifecycle;
import dev.bookshop.application.payment.port.in.HandlePaymentEventUseCase;
import dev.bookshop.application.payment.port.in.PaymentEvent;
import dev.bookshop.application.payment.port.out.PaymentCancellation;
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
 * What happens to orders after checkout: the provider's reports of success, declined attempts and cancellation, and
 * the sweep that closes the payments nobody completed in time and fails their orders. Events can arrive twice, out of
 * order, or before checkout has stored the payment reference; each case is handled without double effects. The
 * provider is only ever called between transactions, never while an order or a book is locked.
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
        Optional<RefundDue> due = transactions.inTransaction(() -> apply(event));
        due.ifPresent(refund -> refund(refund, event));
    }

    /** Money the provider took that the shop must give back, and why. */
    private record RefundDue(Order order, boolean amountMismatch) {}

    /**
     * Applies the event, in the same transaction that records it as handled. The exceptions are payments the shop
     * must give back (one for an order that already failed, one for the wrong amount or currency): they answer the
     * order, and the event is recorded only once the refund went through.
     */
    private Optional<RefundDue> apply(PaymentEvent event) {
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
                        return Optional.of(new RefundDue(order, false));
                    }
                    case OrderTransition.AmountMismatch mismatch -> {
                        return Optional.of(new RefundDue(order, true));
                    }
                    case OrderTransition.Paid paid -> {
                        if (markHandled(event, order, referenced, now)) {
                            lifecycle.paid(paid, now);
                        }
                    }
                    case OrderTransition.Ignored ignored -> markHandled(event, order, referenced, now);
                }
            }
            case FAILED -> {
                // A declined card does not end the payment: the customer may try again with the same client secret.
                if (markHandled(event, order, referenced, now)) {
                    switch (referenced.declinePayment()) {
                        case OrderTransition.AwaitingPayment waiting ->
                            lifecycle.record(
                                    waiting.order(), OrderEventType.PAYMENT_DECLINED, event.paymentReference(), now);
                        case OrderTransition.Ignored ignored -> {}
                    }
                }
            }
            case CANCELED -> {
                if (markHandled(event, order, referenced, now)) {
                    switch (referenced.fail()) {
                        case OrderTransition.Failed failed ->
                            lifecycle.failed(failed, OrderEventType.PAYMENT_FAILED, "canceled", now);
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
     * Gives back money the shop cannot keep: a payment that arrived after the order failed and its books went back on
     * sale, or one for another amount or currency than the order's. The order itself does not move on a wrong amount;
     * its payment is spent, so the expiry sweep fails it and returns its stock. A refund the provider refuses is recorded and reported as the provider being
     * unavailable, so the event is not recorded as handled and the provider's redelivery tries again; the
     * idempotency key makes every try the same refund.
     */
    private void refund(RefundDue due, PaymentEvent event) {
        Order order = due.order();
        String reference = event.paymentReference();
        try {
            payments.refund(reference, event.amount(), event.currency(), "refund-" + order.id());
        } catch (PaymentGatewayException e) {
            transactions.inTransaction(() -> lifecycle.record(
                    order, OrderEventType.REFUND_FAILED, reference + ": " + e.getMessage(), clock.instant()));
            throw new PaymentProviderUnavailableException("a refund failed; it is tried again");
        }
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (!processedEvents.markProcessed(event.provider(), event.eventId(), now)) {
                return;
            }
            if (!due.amountMismatch()) {
                lifecycle.record(order, OrderEventType.PAYMENT_AFTER_EXPIRY, reference, now);
                lifecycle.record(order, OrderEventType.REFUNDED, reference, now);
                return;
            }
            Order current = orders.findByIdForUpdate(order.id()).orElseThrow();
            if (current.paymentReference().isEmpty()) {
                orders.update(current.withPaymentReference(reference));
            }
            lifecycle.record(
                    current,
                    OrderEventType.AMOUNT_MISMATCH,
                    event.amount().cents() + " " + event.currency().getCurrencyCode(),
                    now);
            lifecycle.record(current, OrderEventType.REFUNDED, reference, now);
        });
    }

    /**
     * Sweeps in batches: the overdue orders are read and released, each open payment is closed at the provider with
     * no lock held, and then each order is settled in a short transaction of its own by what the provider answered. An
     * order whose payment could not be closed (the provider down, the payment still processing) stays PENDING with
     * its stock for the next sweep, and ends this one, so a provider outage never spins the loop.
     */
    @Override
    public int expireOverdueOrders() {
        int expired = 0;
        while (true) {
            Claimed claimed = transactions.inTransaction(this::claimOverdue);
            expired += claimed.failedAtOnce();
            boolean allSettled = true;
            for (Order open : claimed.toCancel()) {
                switch (closeAndSettle(open)) {
                    case EXPIRED -> expired++;
                    case LEFT_OPEN -> allSettled = false;
                    case PAID, SETTLED_ELSEWHERE -> {}
                }
            }
            if (claimed.size() < SWEEP_BATCH || !allSettled) {
                return expired;
            }
        }
    }

    private record Claimed(int size, int failedAtOnce, List<Order> toCancel) {}

    private enum Settled {
        EXPIRED,
        PAID,
        SETTLED_ELSEWHERE,
        LEFT_OPEN
    }

    /**
     * Overdue orders that never got a payment reference gave the customer nothing to pay with (checkout answers the
     * client secret only after storing the reference), so they fail here and now; the others are left to close first.
     */
    private Claimed claimOverdue() {
        Instant now = clock.instant();
        List<Order> overdue = orders.lockPendingCreatedBefore(now.minus(settings.orderPaymentTimeout()), SWEEP_BATCH);
        List<OrderTransition.Failed> failed = new ArrayList<>();
        List<Order> toCancel = new ArrayList<>();
        for (Order order : overdue) {
            if (order.paymentReference().isPresent()) {
                toCancel.add(order);
                continue;
            }
            switch (order.fail()) {
                case OrderTransition.Failed f -> failed.add(f);
                case OrderTransition.Ignored ignored -> {}
            }
        }
        lifecycle.failedAll(failed, OrderEventType.EXPIRED, "", now);
        return new Claimed(overdue.size(), failed.size(), toCancel);
    }

    /**
     * Closes the order's payment, then lets the order decide by the answer. Another sweep, a webhook or a customer's
     * retry may have settled it meanwhile; the order, locked again, says so, and nothing happens twice.
     */
    private Settled closeAndSettle(Order order) {
        String reference = order.paymentReference().orElseThrow();
        PaymentCancellation answer;
        try {
            answer = payments.cancel(reference, "cancel-" + order.id());
        } catch (PaymentGatewayException e) {
            return Settled.LEFT_OPEN;
        }
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Order current = orders.findByIdForUpdate(order.id()).orElseThrow();
            return switch (answer) {
                case PaymentCancellation.Canceled canceled ->
                    switch (current.fail()) {
                        case OrderTransition.Failed failed -> {
                            lifecycle.failed(failed, OrderEventType.EXPIRED, "", now);
                            yield Settled.EXPIRED;
                        }
                        case OrderTransition.Ignored ignored -> Settled.SETTLED_ELSEWHERE;
                    };
                case PaymentCancellation.AlreadySucceeded succeeded ->
                    switch (current.applyPayment(succeeded.amount(), succeeded.currency(), now)) {
                        // Paid just before the deadline: the customer keeps the books, which never went back.
                        case OrderTransition.Paid paid -> {
                            lifecycle.paid(paid, now);
                            yield Settled.PAID;
                        }
                        case OrderTransition.Ignored ignored -> Settled.SETTLED_ELSEWHERE;
                        // Failed meanwhile: the provider's success event refunds the money.
                        case OrderTransition.RefundDue due -> Settled.SETTLED_ELSEWHERE;
                        // The payment is spent on the wrong amount, which its success event refunds: the order ends.
                        case OrderTransition.AmountMismatch mismatch ->
                            switch (current.fail()) {
                                case OrderTransition.Failed failed -> {
                                    lifecycle.failed(
                                            failed,
                                            OrderEventType.EXPIRED,
                                            "paid " + succeeded.amount().cents() + " "
                                                    + succeeded.currency().getCurrencyCode(),
                                            now);
                                    yield Settled.EXPIRED;
                                }
                                case OrderTransition.Ignored ignored -> Settled.SETTLED_ELSEWHERE;
                            };
                    };
                case PaymentCancellation.StillProcessing processing -> Settled.LEFT_OPEN;
            };
        });
    }
}
