package dev.bookshop.application.order.port.out;

import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.user.UserId;
import java.util.Optional;

/** Checkout keys, unique per user. */
public interface IdempotencyRepository {

    /**
     * Records the key unless this user already used it (then nothing is written, answer false). A concurrent insert
     * of the same key waits for the first to commit or roll back.
     */
    boolean insertIfAbsent(IdempotencyRecord record);

    Optional<IdempotencyRecord> find(UserId userId, IdempotencyKey key);
}
