package dev.bookshop.application.order.port.out;

import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** What a checkout key was first used for: the cart it bought (as a fingerprint) and the order it made. */
public record IdempotencyRecord(
        UserId userId, IdempotencyKey key, String requestFingerprint, OrderId orderId, Instant createdAt) {
    public IdempotencyRecord {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(key);
        Objects.requireNonNull(requestFingerprint);
        Objects.requireNonNull(orderId);
        Objects.requireNonNull(createdAt);
    }
}
