package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.IDEMPOTENCY_KEYS;
import static org.jooq.impl.DSL.row;

import dev.bookshop.application.order.port.out.IdempotencyRecord;
import dev.bookshop.application.order.port.out.IdempotencyRepository;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Checkout keys in {@code idempotency_keys}, keyed by (user, key). PostgreSQL makes a concurrent insert of the same
 * key wait on the first one's transaction, then skip it: exactly the port's promise.
 */
final class JooqIdempotencyRepository implements IdempotencyRepository {

    private final DSLContext dsl;

    JooqIdempotencyRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean insertIfAbsent(IdempotencyRecord record) {
        return dsl.insertInto(IDEMPOTENCY_KEYS)
                        .set(IdempotencyMapper.toRecord(record))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    @Override
    public Optional<IdempotencyRecord> find(UserId userId, IdempotencyKey key) {
        return dsl.selectFrom(IDEMPOTENCY_KEYS)
                .where(IDEMPOTENCY_KEYS.USER_ID.eq(userId.value()))
                .and(IDEMPOTENCY_KEYS.KEY.eq(key.value()))
                .fetchOptional()
                .map(IdempotencyMapper::toDomain);
    }

    /** {@code FOR UPDATE SKIP LOCKED}: concurrent purges take different rows and never wait on each other. */
    @Override
    public int deleteCreatedBefore(Instant cutoff, int limit) {
        var old = dsl.select(IDEMPOTENCY_KEYS.USER_ID, IDEMPOTENCY_KEYS.KEY)
                .from(IDEMPOTENCY_KEYS)
                .where(IDEMPOTENCY_KEYS.CREATED_AT.lt(cutoff))
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return dsl.deleteFrom(IDEMPOTENCY_KEYS)
                .where(row(IDEMPOTENCY_KEYS.USER_ID, IDEMPOTENCY_KEYS.KEY).in(old))
                .execute();
    }
}
