package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code idempotency_keys}, keyed by (user, key). */
@Entity
@Table(name = "idempotency_keys")
@IdClass(IdempotencyKeyEntity.Key.class)
class IdempotencyKeyEntity {

    record Key(UUID userId, String keyValue) {}

    @Id
    @Column(name = "user_id")
    UUID userId;

    // Not called "key": that is a word of the query language.
    @Id
    @Column(name = "key")
    String keyValue;

    @Column(name = "request_fingerprint", nullable = false, updatable = false)
    String requestFingerprint;

    @Column(name = "order_id", nullable = false, updatable = false)
    UUID orderId;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
}
