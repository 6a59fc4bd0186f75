package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.shared.port.out.TransactionRunner;
import java.util.function.Supplier;

/**
 * Transactions over the in-memory store: the store's one lock is held for the whole unit of work, and a snapshot
 * taken at the start is put back when the work throws. Nested calls find the lock already held and simply join.
 */
final class InMemoryTransactionRunner implements TransactionRunner {

    private final InMemoryStore store;

    InMemoryTransactionRunner(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        store.lock();
        try {
            if (!store.heldOnce()) {
                return work.get();
            }
            InMemoryStore.Snapshot before = store.snapshot();
            try {
                return work.get();
            } catch (Throwable failure) {
                store.restore(before);
                throw failure;
            }
        } finally {
            store.unlock();
        }
    }
}
