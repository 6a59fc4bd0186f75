package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.postgres.ConflictRetry;
import dev.bookshop.adapters.persistence.postgres.PostgresFailures;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the use case's transaction: one pooled connection, bound to the thread until the work ends, on which every
 * statement the repositories run on that thread executes, without being handed anything. Outside a transaction each
 * statement borrows an autocommit connection of its own.
 *
 * <p>Plain JDBC rather than jOOQ's transaction provider: that one asks the server for the isolation level at the
 * start of every transaction (a round trip the PostgreSQL driver does not cache), to restore a level no use case
 * changes. A database that cannot be reached surfaces as
 * {@link dev.bookshop.application.shared.port.in.StoreUnavailableException}.
 */
public final class JooqTransactionRunner implements TransactionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(JooqTransactionRunner.class);

    private final DataSource dataSource;
    // Nested calls join the outer transaction rather than opening a savepoint: a failure anywhere undoes the whole
    // use case, as the port promises.
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> onEnd = ThreadLocal.withInitial(ArrayList::new);

    public JooqTransactionRunner(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource);
    }

    /** The connections jOOQ runs statements on: the thread's transaction, or a pooled autocommit connection. */
    ConnectionProvider connections() {
        return new ConnectionProvider() {
            @Override
            public Connection acquire() {
                Connection transaction = bound.get();
                return transaction != null ? transaction : borrow();
            }

            @Override
            public void release(Connection connection) {
                if (connection != bound.get()) {
                    giveBack(connection);
                }
            }
        };
    }

    /**
     * Runs {@code action} once the thread's transaction is over, committed or rolled back (at once outside a
     * transaction): only then do other requests see what it wrote, or see that it wrote nothing.
     */
    void whenDone(Runnable action) {
        if (bound.get() == null) {
            action.run();
        } else {
            onEnd.get().add(action);
        }
    }

    /**
     * The outermost call runs the work in a transaction of its own, again (a bounded number of times) when the
     * database ended it for a deadlock or a serialization conflict; nested calls join it and are retried with it.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work);
        if (bound.get() != null) {
            return work.get();
        }
        return ConflictRetry.run(() -> once(work));
    }

    private <T> T once(Supplier<T> work) {
        Connection connection = borrow();
        try {
            connection.setAutoCommit(false);
            bound.set(connection);
            T result = work.get();
            connection.commit();
            return result;
        } catch (RuntimeException e) {
            rollBack(connection, e);
            // Statements report an outage themselves; beginning and committing go around them, so look again here.
            throw PostgresFailures.translate(e);
        } catch (Error e) {
            rollBack(connection, e);
            throw e;
        } catch (SQLException e) {
            rollBack(connection, e);
            throw PostgresFailures.translate(new DataAccessException("the transaction could not be committed", e));
        } finally {
            bound.remove();
            List<Runnable> actions = onEnd.get();
            onEnd.remove();
            try {
                // The pool restores autocommit on the way back.
                giveBack(connection);
            } finally {
                runAll(actions);
            }
        }
    }

    /** Every action runs, whatever the others do; what they throw is logged, as the transaction is already over. */
    private static void runAll(List<Runnable> actions) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.error("an action after the transaction failed", e);
            }
        }
    }

    private Connection borrow() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw PostgresFailures.translate(new DataAccessException("no database connection", e));
        }
    }

    private static void giveBack(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("the database connection could not be returned", e);
        }
    }

    private static void rollBack(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
