package dev.bookshop.domain.order;

/** The kinds of things an order's audit trail records. */
public enum OrderEventType {
    PLACED,
    PAYMENT_STARTED,
    PAYMENT_PROVIDER_UNAVAILABLE,
    PAID,
    PAYMENT_FAILED,
    EXPIRED,
    PAYMENT_AFTER_EXPIRY,
    REFUNDED,
    REFUND_FAILED,
    AMOUNT_MISMATCH
}
