package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.shared.port.in.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells "PostgreSQL is unreachable" apart from every other failure and turns it into the out-ports'
 * {@link StoreUnavailableException}, so callers answer "try again" instead of "bug". The jOOQ adapter has the same
 * rule; adapters do not share code, and the rule is PostgreSQL's, not either library's.
 */
final class StoreOutages {

    /** Admin shutdown, crash shutdown, cannot connect now; class 08 (connection exception) by its prefix. */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    private StoreOutages() {}

    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof StoreUnavailableException || !isOutage(failure)) {
            return failure;
        }
        return new StoreUnavailableException("the database is unavailable", failure);
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
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
}
