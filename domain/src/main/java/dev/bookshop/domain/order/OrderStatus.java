package dev.bookshop.domain.order;

/** Where an order stands. The only moves are PENDING → PAID and PENDING → FAILED; both are final. */
public enum OrderStatus {
    PENDING,
    PAID,
    FAILED;

    public boolean canBecome(OrderStatus next) {
        return this == PENDING && (next == PAID || next == FAILED);
    }

    /**
     * Whether an order in this status holds its copies: taken from the available stock but still on the shelf, so a
     * shelf count includes them. The one place that says which statuses reserve; the stores count by it.
     */
    public boolean reservesStock() {
        return this == PENDING;
    }
}
