package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.application.shared.port.in.StoreUnavailableException;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * PostgreSQL ends a transaction that lost a deadlock (40P01) or a serialization conflict (40001) with an error,
 * though nothing is wrong with it: run again, it succeeds. The runner retries such a transaction a few times; one
 * that keeps losing answers "the store is busy" (503), never a bug.
 */
final class TransactionConflicts {

    /** Tries in all, the first included. Each lost conflict costs the winner nothing and the loser one pause. */
    static final int MAX_ATTEMPTS = 4;

    private static final Set<String> RETRYABLE = Set.of("40P01", "40001");

    private TransactionConflicts() {}

    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A short random pause, longer after each loss, so the two transactions do not meet at the same step again. */
    static void pauseBefore(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted before retrying a transaction", e);
        }
    }

    static StoreUnavailableException busy(Throwable lastConflict) {
        return new StoreUnavailableException(
                "the database stayed busy: the transaction lost " + MAX_ATTEMPTS + " conflicts in a row", lastConflict);
    }
}
