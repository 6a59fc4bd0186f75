package dev.bookshop.application.housekeeping.service;

import java.time.Instant;

/**
 * One kind of data housekeeping deletes. A batch deletes at most {@code limit} rows that are due at {@code now}, skips
 * rows another transaction holds, and answers how many it deleted; it runs in a transaction of its own.
 */
public interface Purge {

    /** What the rows are, plural, for the log: {@code "refresh tokens"}. */
    String what();

    int deleteBatch(Instant now, int limit);

    static Purge of(String what, BatchDelete delete) {
        return new Purge() {
            @Override
            public String what() {
                return what;
            }

            @Override
            public int deleteBatch(Instant now, int limit) {
                return delete.deleteBatch(now, limit);
            }
        };
    }

    /** The batch itself, for {@link #of}. */
    @FunctionalInterface
    interface BatchDelete {
        int deleteBatch(Instant now, int limit);
    }
}
