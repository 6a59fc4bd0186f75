package dev.bookshop.domain.order;

import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.tax.TaxRate;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A customer's order: item snapshots, the amounts, shipping address and method fixed at placing, and a status that
 * moves once, from PENDING to PAID or FAILED. Immutable; every transition returns the changed order.
 */
public final class Order {

    private final OrderId id;
    private final UserId userId;
    private final List<OrderItem> items;
    private final OrderAmounts amounts;
    private final Optional<PostalAddress> shippingAddress;
    private final Optional<ShippingMethodSnapshot> shippingMethod;
    private final Currency currency;
    private final OrderStatus status;
    private final Optional<String> paymentReference;
    private final Instant createdAt;
    private final Optional<Instant> paidAt;
    private final Optional<String> discountCode;

    private Order(
            OrderId id,
            UserId userId,
            List<OrderItem> items,
            OrderAmounts amounts,
            Optional<PostalAddress> shippingAddress,
            Optional<ShippingMethodSnapshot> shippingMethod,
            Currency currency,
            OrderStatus status,
            Optional<String> paymentReference,
            Instant createdAt,
            Optional<Instant> paidAt,
            Optional<String> discountCode) {
        this.id = Objects.requireNonNull(id);
        this.discountCode = Objects.requireNonNull(discountCode);
        this.userId = Objects.requireNonNull(userId);
        this.items = List.copyOf(items);
        this.amounts = Objects.requireNonNull(amounts);
        this.shippingAddress = Objects.requireNonNull(shippingAddress);
        this.shippingMethod = Objects.requireNonNull(shippingMethod);
        this.currency = Objects.requireNonNull(currency);
        this.status = Objects.requireNonNull(status);
        this.paymentReference = Objects.requireNonNull(paymentReference);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.paidAt = Objects.requireNonNull(paidAt);
        if (this.items.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one item");
        }
        if (status == OrderStatus.PAID && paidAt.isEmpty()) {
            throw new IllegalArgumentException("a paid order has a payment time");
        }
        if (shippingMethod.isPresent() && shippingAddress.isEmpty()) {
            throw new IllegalArgumentException("an order sent with a shipping method has an address");
        }
    }

    /**
     * Places a new, unpaid order of exactly what the quote charges: its items, amounts, the copy of the address and
     * the method's name and price.
     */
    public static Order place(OrderId id, UserId userId, CheckoutQuote quote, Instant now) {
        return place(id, userId, quote, Optional.empty(), now);
    }

    /** As {@link #place(OrderId, UserId, CheckoutQuote, Instant)}, placed with the discount code the quote applied. */
    public static Order place(
            OrderId id, UserId userId, CheckoutQuote quote, Optional<String> discountCode, Instant now) {
        return new Order(
                id,
                userId,
                quote.items(),
                quote.amounts(),
                quote.shippingAddress(),
                quote.shippingMethod(),
                quote.currency(),
                OrderStatus.PENDING,
                Optional.empty(),
                now,
                Optional.empty(),
                discountCode);
    }

    /**
     * Places a new, unpaid order of goods alone, shipped nowhere: the total is what the item snapshots cost after their
     * own discounts, the tax the sum of theirs.
     */
    public static Order place(OrderId id, UserId userId, List<OrderItem> items, Currency currency, Instant now) {
        if (items.isEmpty()) {
            throw new CartEmptyException();
        }
        Money subtotal = items.stream().map(OrderItem::lineTotal).reduce(Money.ZERO, Money::plus);
        Money discount = items.stream().map(OrderItem::discount).reduce(Money.ZERO, Money::plus);
        Money tax = items.stream().map(OrderItem::tax).reduce(Money.ZERO, Money::plus);
        OrderAmounts amounts = new OrderAmounts(subtotal, discount, Money.ZERO, tax, TaxRate.ZERO);
        return new Order(
                id,
                userId,
                items,
                amounts,
                Optional.empty(),
                Optional.empty(),
                currency,
                OrderStatus.PENDING,
                Optional.empty(),
                now,
                Optional.empty(),
                Optional.empty());
    }

    public static Order rehydrate(
            OrderId id,
            UserId userId,
            List<OrderItem> items,
            OrderAmounts amounts,
            Optional<PostalAddress> shippingAddress,
            Optional<ShippingMethodSnapshot> shippingMethod,
            Currency currency,
            OrderStatus status,
            Optional<String> paymentReference,
            Instant createdAt,
            Optional<Instant> paidAt) {
        return rehydrate(
                id,
                userId,
                items,
                amounts,
                shippingAddress,
                shippingMethod,
                currency,
                status,
                paymentReference,
                createdAt,
                paidAt,
                Optional.empty());
    }

    /** As the other door, for an order placed with a discount code. */
    public static Order rehydrate(
            OrderId id,
            UserId userId,
            List<OrderItem> items,
            OrderAmounts amounts,
            Optional<PostalAddress> shippingAddress,
            Optional<ShippingMethodSnapshot> shippingMethod,
            Currency currency,
            OrderStatus status,
            Optional<String> paymentReference,
            Instant createdAt,
            Optional<Instant> paidAt,
            Optional<String> discountCode) {
        return new Order(
                id,
                userId,
                items,
                amounts,
                shippingAddress,
                shippingMethod,
                currency,
                status,
                paymentReference,
                createdAt,
                paidAt,
                discountCode);
    }

    /**
     * Takes the provider's first answer at checkout. A provider event may have settled the order first; then the
     * answer is stale and nothing moves.
     */
    public OrderTransition.OnCheckoutAnswer answerCheckout(PaymentAnswer answer, Instant at) {
        if (status != OrderStatus.PENDING) {
            return new OrderTransition.Ignored(this);
        }
        return switch (answer) {
            case SUCCEEDED -> new OrderTransition.Paid(markPaid(at));
            case FAILED -> new OrderTransition.Failed(markFailed());
            case PENDING -> new OrderTransition.AwaitingPayment(this);
        };
    }

    /**
     * Takes a reported payment. A wrong amount never settles anything, whatever the status, so it is told apart
     * first; providers redeliver, so a payment for an order already paid is a repeat.
     */
    public OrderTransition.OnPayment applyPayment(Money amount, Currency paidCurrency, Instant at) {
        if (!isSettledBy(amount, paidCurrency)) {
            return new OrderTransition.AmountMismatch(this);
        }
        return switch (status) {
            case PENDING -> new OrderTransition.Paid(markPaid(at));
            case FAILED -> new OrderTransition.RefundDue(this);
            case PAID -> new OrderTransition.Ignored(this);
        };
    }

    /**
     * Takes a refused attempt to pay (a declined card). The provider keeps the payment open and the customer may try
     * again with the same client secret, so the order keeps waiting, and its stock, until it is paid, cancelled or
     * expires. A refusal reported after the order was settled is stale.
     */
    public OrderTransition.OnDecline declinePayment() {
        return status == OrderStatus.PENDING
                ? new OrderTransition.AwaitingPayment(this)
                : new OrderTransition.Ignored(this);
    }

    /**
     * Fails the order if it still waits for its payment. Expiry, a refused payment and an unreachable provider can
     * race each other, so failing a settled order is not an error: the one that came first decided.
     */
    public OrderTransition.OnFailure fail() {
        return status == OrderStatus.PENDING
                ? new OrderTransition.Failed(markFailed())
                : new OrderTransition.Ignored(this);
    }

    /** Whether the payment is still open, so the provider may be asked about it again. */
    public boolean isAwaitingPayment() {
        return status == OrderStatus.PENDING;
    }

    public boolean hasFailed() {
        return status == OrderStatus.FAILED;
    }

    /**
     * The bare move, refused with {@link IllegalOrderTransitionException} unless the order is PENDING. Use cases go
     * through the decisions above, which never call it when the move is refused.
     */
    public Order markPaid(Instant at) {
        requireTransition(OrderStatus.PAID);
        return withState(OrderStatus.PAID, paymentReference, Optional.of(at));
    }

    /** The bare move, like {@link #markPaid}. The caller returns the reserved stock: this happens at most once. */
    public Order markFailed() {
        requireTransition(OrderStatus.FAILED);
        return withState(OrderStatus.FAILED, paymentReference, paidAt);
    }

    public Order withPaymentReference(String reference) {
        Objects.requireNonNull(reference);
        return withState(status, Optional.of(reference), paidAt);
    }

    /**
     * This order in the state another copy of it reached: what a store writes back when an order is paid, failed or
     * referenced. Everything fixed at checkout stays as this order has it.
     */
    public Order withStateOf(Order changed) {
        if (!changed.id.equals(id)) {
            throw new IllegalArgumentException("not the same order: " + changed.id);
        }
        return withState(changed.status, changed.paymentReference, changed.paidAt);
    }

    private Order withState(OrderStatus newStatus, Optional<String> reference, Optional<Instant> newPaidAt) {
        return new Order(
                id,
                userId,
                items,
                amounts,
                shippingAddress,
                shippingMethod,
                currency,
                newStatus,
                reference,
                createdAt,
                newPaidAt,
                discountCode);
    }

    /** Whether a payment of this amount and currency settles this order exactly. */
    public boolean isSettledBy(Money amount, Currency paidCurrency) {
        return total().equals(amount) && currency.equals(paidCurrency);
    }

    public boolean isAwaitingPaymentSince(Instant cutoff) {
        return isAwaitingPayment() && createdAt.isBefore(cutoff);
    }

    private void requireTransition(OrderStatus next) {
        if (!status.canBecome(next)) {
            throw new IllegalOrderTransitionException(id, status, next);
        }
    }

    public OrderId id() {
        return id;
    }

    public UserId userId() {
        return userId;
    }

    public List<OrderItem> items() {
        return items;
    }

    /** What the customer pays: {@code subtotal − discount + shipping}, VAT included. */
    public Money total() {
        return amounts.total();
    }

    public OrderAmounts amounts() {
        return amounts;
    }

    /** The copy of the address the order goes to; empty when the shop sold it without shipping. */
    public Optional<PostalAddress> shippingAddress() {
        return shippingAddress;
    }

    public Optional<ShippingMethodSnapshot> shippingMethod() {
        return shippingMethod;
    }

    public Currency currency() {
        return currency;
    }

    public OrderStatus status() {
        return status;
    }

    public Optional<String> paymentReference() {
        return paymentReference;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> paidAt() {
        return paidAt;
    }

    /** The discount code the order was placed with (its amount is {@code amounts().discount()}). */
    public Optional<String> discountCode() {
        return discountCode;
    }

    public boolean belongsTo(UserId user) {
        return userId.equals(user);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Order other
                && id.equals(other.id)
                && userId.equals(other.userId)
                && items.equals(other.items)
                && amounts.equals(other.amounts)
                && shippingAddress.equals(other.shippingAddress)
                && shippingMethod.equals(other.shippingMethod)
                && currency.equals(other.currency)
                && status == other.status
                && paymentReference.equals(other.paymentReference)
                && createdAt.equals(other.createdAt)
                && paidAt.equals(other.paidAt)
                && discountCode.equals(other.discountCode);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Order[" + id + ", " + status + ", " + total().cents() + " " + currency + "]";
    }
}
