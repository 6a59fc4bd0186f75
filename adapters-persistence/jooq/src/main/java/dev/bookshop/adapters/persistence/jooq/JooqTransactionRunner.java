package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.application.port.out.TransactionRunner;
import java.util.Objects;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * Opens the use case's transaction on the shared {@link DSLContext}. The context's {@code
 * ThreadLocalTransactionProvider} binds the transaction's connection to the thread, so every repository called
 * inside {@code work} joins it without being handed anything. A database that cannot be reached surfaces as
 * {@link dev.bookshop.application.port.out.StoreUnavailableException}.
 */
public final class JooqTransactionRunner implements TransactionRunner {

    private final DSLContext dsl;
    // Nested calls join the outer transaction rather than opening a savepoint: a failure anywhere undoes the whole
    // use case, as the port promises.
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> Boolean.FALSE);

    public JooqTransactionRunner(DSLContext dsl) {
        this.dsl = Objects.requireNonNull(dsl);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work);
        if (inTransaction.get()) {
            return work.get();
        }
        inTransaction.set(Boolean.TRUE);
        try {
            return dsl.transactionResult(work::get);
        } catch (RuntimeException failure) {
            // Statements report an outage themselves; beginning and committing go around them, so look again here.
            throw StoreOutages.translate(failure);
        } finally {
            inTransaction.remove();
        }
    }
}
