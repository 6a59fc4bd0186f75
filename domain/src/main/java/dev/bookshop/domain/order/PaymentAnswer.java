package dev.bookshop.domain.order;

/** What the payment provider says when checkout starts the payment. */
public enum PaymentAnswer {
    /** The money is taken already. */
    SUCCEEDED,
    /** The customer still has to confirm; the outcome arrives later as a provider event. */
    PENDING,
    /** Refused outright. */
    FAILED
}
