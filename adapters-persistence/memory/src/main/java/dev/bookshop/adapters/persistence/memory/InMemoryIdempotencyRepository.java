package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.order.port.out.IdempotencyRecord;
import dev.bookshop.application.order.port.out.IdempotencyRepository;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Checkout keys in memory, unique per user. */
final class InMemoryIdempotencyRepository implements IdempotencyRepository {

    private final InMemoryStore store;

    InMemoryIdempotencyRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public boolean insertIfAbsent(IdempotencyRecord record) {
        InMemoryStore.IdempotencyRef ref = new InMemoryStore.IdempotencyRef(record.userId(), record.key());
        return store.locked(() -> {
            if (store.idempotency.containsKey(ref)) {
                return false;
            }
            InMemoryStore.requireReference(store.users.containsKey(record.userId()), "user " + record.userId());
            InMemoryStore.requireReference(store.orders.containsKey(record.orderId()), "order " + record.orderId());
            store.idempotency.put(ref, record);
            return true;
        });
    }

    @Override
    public Optional<IdempotencyRecord> find(UserId userId, IdempotencyKey key) {
        return store.locked(
                () -> Optional.ofNullable(store.idempotency.get(new InMemoryStore.IdempotencyRef(userId, key))));
    }

    @Override
    public int deleteCreatedBefore(Instant cutoff, int limit) {
        return store.locked(() -> InMemoryStore.deleteWhere(
                store.idempotency, record -> record.createdAt().isBefore(cutoff), limit));
    }
}
