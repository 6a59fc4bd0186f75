package dev.bookshop.domain.order;

/** The kinds of things an order's audit trail records. */
public enum OrderEventType {
    PLACED,
    PAYMENT_STARTED,
    PAYMENT_PROVIDER_UNAVAILABLE,
    PAID,
    PAYMENT_FAILED,
    /** An attempt to pay was refused; the payment stays open for another try. */
    PAYMENT_DECLINED,
    EXPIRED,
    PAYMENT_AFTER_EXPIRY,
    REFUNDED,
    REFUND_FAILED,
    AMOUNT_MISMATCH
}
