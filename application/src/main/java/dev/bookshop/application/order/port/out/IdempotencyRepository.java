package dev.bookshop.application.order.port.out;

import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Checkout keys, unique per user. */
public interface IdempotencyRepository {

    /**
     * Records the key unless this user already used it (then nothing is written, answer false). A concurrent insert
     * of the same key waits for the first to commit or roll back.
     */
    boolean insertIfAbsent(IdempotencyRecord record);

    Optional<IdempotencyRecord> find(UserId userId, IdempotencyKey key);

    /**
     * Deletes up to {@code limit} keys first used before {@code cutoff}; the orders they point at stay.
     * Rows another transaction holds locked are skipped and left for a later call, so concurrent purges
     * never wait on each other or on a request, and each row is deleted (and counted) by one of them only. Answers how many it deleted.
     */
    int deleteCreatedBefore(Instant cutoff, int limit);
}
