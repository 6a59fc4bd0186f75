package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.application.shared.port.in.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Tells "PostgreSQL is unreachable" apart from every other database failure, and turns it into the out-ports'
 * {@link StoreUnavailableException}, so the callers can answer "try again" instead of "bug". As an execute listener
 * it covers every statement, inside a transaction or not, including the connection it could not get.
 */
final class StoreOutages implements ExecuteListener {

    /**
     * PostgreSQL's "the server is going away or not there yet": admin shutdown, crash shutdown, cannot connect now
     * (starting up). Class 08 (connection exception) is recognised by its prefix.
     */
    private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

    @Override
    public void exception(ExecuteContext ctx) {
        RuntimeException failure = ctx.exception();
        if (failure != null && !(failure instanceof StoreUnavailableException) && isOutage(failure)) {
            ctx.exception(unavailable(failure));
        }
    }

    /** The failure itself when it is no outage; otherwise the out-port's exception with it as the cause. */
    static RuntimeException translate(RuntimeException failure) {
        if (failure instanceof StoreUnavailableException || !isOutage(failure)) {
            return failure;
        }
        return unavailable(failure);
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
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
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static StoreUnavailableException unavailable(Throwable cause) {
        return new StoreUnavailableException("the database is unavailable", cause);
    }
}
