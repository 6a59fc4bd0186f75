package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.order.port.out.IdempotencyRecord;
import dev.bookshop.application.order.port.out.IdempotencyRepository;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Checkout keys in {@code idempotency_keys}, keyed by (user, key). PostgreSQL makes a concurrent insert of the same
 * key wait on the first one's transaction, then skip it: exactly the port's promise.
 */
final class JpaIdempotencyRepository implements IdempotencyRepository {

    private final JpaTransactionRunner transactions;

    JpaIdempotencyRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean insertIfAbsent(IdempotencyRecord record) {
        IdempotencyKeyEntity row = IdempotencyMapper.toEntity(record);
        return transactions.call(em -> em.createQuery("""
                                insert into IdempotencyKeyEntity (userId, keyValue, requestFingerprint, orderId, createdAt)
                                values (:userId, :key, :fingerprint, :orderId, :createdAt)
                                on conflict do nothing""")
                        .setParameter("userId", row.userId)
                        .setParameter("key", row.keyValue)
                        .setParameter("fingerprint", row.requestFingerprint)
                        .setParameter("orderId", row.orderId)
                        .setParameter("createdAt", row.createdAt)
                        .executeUpdate()
                == 1);
    }

    @Override
    public Optional<IdempotencyRecord> find(UserId userId, IdempotencyKey key) {
        return transactions.call(em -> Optional.ofNullable(
                        em.find(IdempotencyKeyEntity.class, new IdempotencyKeyEntity.Key(userId.value(), key.value())))
                .map(IdempotencyMapper::toDomain));
    }
    /**
     * Native SQL: JPQL has neither {@code LIMIT} in a subquery nor {@code SKIP LOCKED} in a delete. Candidates are
     * locked {@code FOR UPDATE SKIP LOCKED}, so concurrent purges take different rows and never wait on each other
     * or on a request holding a row.
     */
    @Override
    public int deleteCreatedBefore(Instant cutoff, int limit) {
        return transactions.call(em -> em.createNativeQuery("""
                        delete from idempotency_keys where (user_id, key) in (
                            select user_id, key from idempotency_keys
                            where created_at < :cutoff
                            limit :limit
                            for update skip locked)""")
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .executeUpdate());
    }
}
