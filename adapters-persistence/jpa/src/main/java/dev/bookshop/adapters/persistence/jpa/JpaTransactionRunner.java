package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.adapters.persistence.postgres.ConflictRetry;
import dev.bookshop.adapters.persistence.postgres.PostgresFailures;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Opens the use case's transaction: one {@link EntityManager} and its resource-local {@link EntityTransaction}, bound
 * to the thread while the work runs, so every repository called inside joins it without being handed anything.
 */
public final class JpaTransactionRunner implements TransactionRunner {

    private final EntityManagerFactory entityManagerFactory;
    // Nested calls join the outer transaction rather than opening a savepoint: a failure anywhere undoes the whole
    // use case, as the port promises.
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    JpaTransactionRunner(EntityManagerFactory entityManagerFactory) {
        this.entityManagerFactory = Objects.requireNonNull(entityManagerFactory);
    }

    /**
     * The outermost call runs the work in a transaction of its own, again (a bounded number of times) when the
     * database ended it for a deadlock or a serialization conflict; nested calls join it and are retried with it.
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        Objects.requireNonNull(work);
        if (current.get() != null) {
            return work.get();
        }
        return ConflictRetry.run(() -> once(work));
    }

    private <T> T once(Supplier<T> work) {
        EntityManager entityManager = entityManagerFactory.createEntityManager();
        EntityTransaction transaction = entityManager.getTransaction();
        current.set(entityManager);
        try {
            transaction.begin();
            T result = work.get();
            transaction.commit();
            return result;
        } catch (RuntimeException failure) {
            rollBack(transaction, failure);
            throw PostgresFailures.translate(failure);
        } catch (Error failure) {
            rollBack(transaction, failure);
            throw failure;
        } finally {
            current.remove();
            // Closing also empties the persistence context: nothing read in this transaction outlives it.
            entityManager.close();
        }
    }

    private static void rollBack(EntityTransaction transaction, Throwable failure) {
        try {
            if (transaction.isActive()) {
                transaction.rollback();
            }
        } catch (RuntimeException rollbackFailure) {
            // The work's own failure is the one worth reporting; the rollback's travels with it.
            failure.addSuppressed(rollbackFailure);
        }
    }

    /**
     * Runs one repository operation on the thread's {@link EntityManager}: inside the open transaction, or in a
     * transaction of its own when none is open. The persistence context is flushed and emptied when the operation
     * ends, so that no repository ever reads an entity another call left behind: bulk and native statements bypass
     * the persistence context, and a cached entity would otherwise hide what they wrote (stock, a revoked token) from
     * a later read in the same transaction. Row locks are the database's and stay held until the transaction ends.
     */
    <T> T call(Function<EntityManager, T> operation) {
        return inTransaction(() -> {
            EntityManager entityManager = current.get();
            T result = operation.apply(entityManager);
            entityManager.flush();
            entityManager.clear();
            return result;
        });
    }

    void run(Consumer<EntityManager> operation) {
        call(entityManager -> {
            operation.accept(entityManager);
            return null;
        });
    }
}
