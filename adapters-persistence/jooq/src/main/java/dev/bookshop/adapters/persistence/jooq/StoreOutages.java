package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.postgres.PostgresFailures;
import dev.bookshop.application.shared.port.in.StoreUnavailableException;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;

/**
 * Tells "PostgreSQL is unreachable" apart from every other database failure, and turns it into the out-ports'
 * {@link StoreUnavailableException}, so the callers can answer "try again" instead of "bug". As an execute listener
 * it covers every statement, inside a transaction or not, including the connection it could not get.
 */
final class StoreOutages implements ExecuteListener {

    @Override
    public void exception(ExecuteContext ctx) {
        RuntimeException failure = ctx.exception();
        if (failure != null) {
            ctx.exception(PostgresFailures.translate(failure));
        }
    }
}
