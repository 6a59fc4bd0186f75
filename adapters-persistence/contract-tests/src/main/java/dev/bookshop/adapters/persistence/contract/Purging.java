package dev.bookshop.adapters.persistence.contract;

import dev.bookshop.application.shared.port.out.TransactionRunner;
import java.util.List;
import java.util.function.IntSupplier;

/** Shortcuts for the purge cases: running batch deletes until nothing is left, alone or on racing threads. */
final class Purging {

    private Purging() {}

    /** Runs {@code batch}, each call in its own transaction, until one deletes nothing; answers the total. */
    static int drain(TransactionRunner transactions, IntSupplier batch) {
        int total = 0;
        while (true) {
            int deleted = transactions.inTransaction(batch::getAsInt);
            if (deleted == 0) {
                return total;
            }
            total += deleted;
        }
    }

    /**
     * {@link #drain} on {@code threads} threads released at once, as several instances purging together; answers each
     * thread's total. A thread stops at a batch that finds nothing left to take; rows another holds are its to delete.
     */
    static List<Integer> drainConcurrently(int threads, TransactionRunner transactions, IntSupplier batch) {
        return Concurrently.run(threads, () -> drain(transactions, batch));
    }
}
