package dev.bookshop.adapters.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.adapters.persistence.contract.TestData;
import dev.bookshop.adapters.persistence.contract.TransactionRunnerContract;
import dev.bookshop.adapters.persistence.postgres.ConflictRetry;
import dev.bookshop.application.shared.port.in.StoreUnavailableException;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.domain.user.User;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JPA adapter on PostgreSQL against the TransactionRunner contract, and its retry of lost conflicts. */
class JpaTransactionRunnerContractTest extends TransactionRunnerContract {

    @RegisterExtension
    static final JpaDatabaseExtension database = new JpaDatabaseExtension();

    @Override
    protected PersistencePorts newPorts() {
        return database.freshPorts();
    }

    /** Shaped as PostgreSQL reports a lost deadlock: the SQL state on a cause, under whatever wraps it. */
    private static RuntimeException deadlock() {
        return new IllegalStateException("wrapped", new SQLException("deadlock detected", "40P01"));
    }

    @Test
    void aTransactionThatKeepsLosingConflictsEndsAsTheStoreBeingUnavailable() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                    attempts.incrementAndGet();
                    throw deadlock();
                }))
                .isInstanceOf(StoreUnavailableException.class)
                .hasRootCauseInstanceOf(SQLException.class);

        assertThat(attempts).hasValue(ConflictRetry.MAX_ATTEMPTS);
    }

    @Test
    void aConflictLostOnceIsRetriedAndTheSecondAttemptCommits() {
        AtomicInteger attempts = new AtomicInteger();
        User user = TestData.user();

        String answer = ports.transactions().inTransaction(() -> {
            ports.users().insertIfEmailFree(user);
            if (attempts.incrementAndGet() == 1) {
                throw deadlock();
            }
            return "second";
        });

        assertThat(answer).isEqualTo("second");
        assertThat(attempts).hasValue(2);
        assertThat(ports.transactions().inTransaction(() -> ports.users().findById(user.id())))
                .contains(user);
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("wrapped", new SQLException("duplicate key", "23505"));
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(attempts).hasValue(1);
    }
}
