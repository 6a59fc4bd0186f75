package dev.bookshop.adapters.persistence.postgres;

import dev.bookshop.application.shared.port.in.StoreUnavailableException;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a whole transaction again when PostgreSQL ended it for a lost deadlock or serialization conflict. A few tries
 * are enough: each lost conflict costs the winner nothing and the loser one short pause. A transaction that keeps
 * losing answers "the store is busy" (503), never a bug.
 */
public final class ConflictRetry {

    /** Tries in all, the first included. */
    public static final int MAX_ATTEMPTS = 4;

    private static final Logger LOG = LoggerFactory.getLogger(ConflictRetry.class);

    private ConflictRetry() {}

    /**
     * Runs {@code transaction}, which must begin and end a transaction of its own (so a retry starts from nothing),
     * up to {@link #MAX_ATTEMPTS} times while it loses conflicts.
     */
    public static <T> T run(Supplier<T> transaction) {
        Objects.requireNonNull(transaction);
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException failure) {
                if (!PostgresFailures.isLostConflict(failure)) {
                    throw failure;
                }
                if (attempt == MAX_ATTEMPTS) {
                    throw new StoreUnavailableException(
                            "the database stayed busy: the transaction lost " + MAX_ATTEMPTS + " conflicts in a row",
                            failure);
                }
                LOG.debug("transaction attempt {} lost a conflict; running it again", attempt, failure);
                pauseBefore(attempt);
            }
        }
    }

    /** A short random pause, longer after each loss, so the two transactions do not meet at the same step again. */
    private static void pauseBefore(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt + 2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted before retrying a transaction", e);
        }
    }
}
