package dev.bookshop.adapters.persistence.postgres;

import dev.bookshop.application.shared.port.in.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * What a failure from PostgreSQL means for the caller, read from its SQLSTATE anywhere in the cause chain. The rules
 * are the server's, not jOOQ's or Hibernate's, so both adapters read failures through this class.
 */
public final class PostgresFailures {

    /**
     * "The server is going away or not there yet": admin shutdown, crash shutdown, cannot connect now (starting up).
     * Class 08 (connection exception) is recognised by its prefix.
     */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    /** A lost deadlock (40P01) or serialization conflict (40001): nothing is wrong with the work; run again, it passes. */
    private static final Set<String> LOST_CONFLICT = Set.of("40P01", "40001");

    private PostgresFailures() {}

    /** Whether the database could not be reached or went away (a pool timeout included). */
    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || SERVER_GOING_AWAY.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the transaction was ended for losing a deadlock or a serialization conflict. */
    public static boolean isLostConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            // Set.of refuses to look up null, and a driver may leave the state out.
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && LOST_CONFLICT.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The failure itself when it is no outage; otherwise the out-ports' exception, with it as the cause. */
    public static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof StoreUnavailableException || !isOutage(failure)) {
            return failure;
        }
        return unavailable(failure);
    }

    public static StoreUnavailableException unavailable(Throwable cause) {
        return new StoreUnavailableException("the database is unavailable", cause);
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        return next == cause ? null : next;
    }
}
