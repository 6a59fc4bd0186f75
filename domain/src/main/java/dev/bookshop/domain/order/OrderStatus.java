package dev.bookshop.domain.order;

/** Where an order stands. The only moves are PENDING → PAID and PENDING → FAILED; both are final. */
public enum OrderStatus {
    PENDING,
    PAID,
    FAILED;

    public boolean canBecome(OrderStatus next) {
        return this == PENDING && (next == PAID || next == FAILED);
    }
}
