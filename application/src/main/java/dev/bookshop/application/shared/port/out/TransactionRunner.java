package dev.bookshop.application.shared.port.out;

import java.util.function.Supplier;

/**
 * The unit of work a use case opens. Everything the repositories do inside {@code work} commits together or not at
 * all; an exception thrown out of {@code work} rolls it all back and is rethrown. Repositories never commit on their
 * own. Nested calls join the outer transaction.
 *
 * <p>A transaction the store ends for a deadlock or a serialization conflict is run again from the start, a bounded
 * number of times, so {@code work} must do nothing but call ports (no outside calls, no state kept across tries);
 * one that keeps losing ends in {@link dev.bookshop.application.shared.port.in.StoreUnavailableException}.
 */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
