package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.order.port.out.IdempotencyRecord;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.user.UserId;

/** Maps an {@link IdempotencyKeyEntity} to an {@link IdempotencyRecord} and back. */
final class IdempotencyMapper {

    private IdempotencyMapper() {}

    static IdempotencyRecord toDomain(IdempotencyKeyEntity row) {
        return new IdempotencyRecord(
                UserId.of(row.userId),
                new IdempotencyKey(row.keyValue),
                row.requestFingerprint,
                OrderId.of(row.orderId),
                row.createdAt);
    }

    static IdempotencyKeyEntity toEntity(IdempotencyRecord record) {
        IdempotencyKeyEntity row = new IdempotencyKeyEntity();
        row.userId = record.userId().value();
        row.keyValue = record.key().value();
        row.requestFingerprint = record.requestFingerprint();
        row.orderId = record.orderId().value();
        row.createdAt = record.createdAt();
        return row;
    }
}
