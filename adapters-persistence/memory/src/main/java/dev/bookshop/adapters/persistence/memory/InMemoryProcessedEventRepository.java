package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.payment.port.out.ProcessedEventRepository;
import java.time.Instant;

/** Handled payment-provider events in memory, unique per provider and event id. */
final class InMemoryProcessedEventRepository implements ProcessedEventRepository {

    private final InMemoryStore store;

    InMemoryProcessedEventRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public boolean markProcessed(String provider, String eventId, Instant at) {
        InMemoryStore.ProcessedEventRef ref = new InMemoryStore.ProcessedEventRef(provider, eventId);
        return store.locked(() -> store.processedEvents.putIfAbsent(ref, at) == null);
    }

    @Override
    public boolean isProcessed(String provider, String eventId) {
        InMemoryStore.ProcessedEventRef ref = new InMemoryStore.ProcessedEventRef(provider, eventId);
        return store.locked(() -> store.processedEvents.containsKey(ref));
    }

    @Override
    public int deleteProcessedBefore(Instant cutoff, int limit) {
        return store.locked(() -> InMemoryStore.deleteWhere(store.processedEvents, at -> at.isBefore(cutoff), limit));
    }
}
