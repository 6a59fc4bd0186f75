package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.IdempotencyKeysRecord;
import dev.bookshop.application.order.port.out.IdempotencyRecord;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.user.UserId;

/** Maps an {@code idempotency_keys} row to an {@link IdempotencyRecord} and back. */
final class IdempotencyMapper {

    private IdempotencyMapper() {}

    static IdempotencyRecord toDomain(IdempotencyKeysRecord row) {
        return new IdempotencyRecord(
                UserId.of(row.getUserId()),
                new IdempotencyKey(row.getKey()),
                row.getRequestFingerprint(),
                OrderId.of(row.getOrderId()),
                row.getCreatedAt());
    }

    static IdempotencyKeysRecord toRecord(IdempotencyRecord record) {
        return new IdempotencyKeysRecord(
                record.userId().value(),
                record.key().value(),
                record.requestFingerprint(),
                record.orderId().value(),
                record.createdAt());
    }
}
