package dev.bookshop.domain.order;

import java.time.Instant;
import java.util.Objects;

/** One entry of an order's audit trail: what happened to it, when, and any detail worth keeping. */
public record OrderEvent(OrderId orderId, OrderEventType type, String detail, Instant at) {
    public OrderEvent {
        Objects.requireNonNull(orderId);
        Objects.requireNonNull(type);
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(at);
    }
}
