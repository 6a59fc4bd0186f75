package dev.bookshop.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.application.shared.port.in.StoreUnavailableException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

    private static RuntimeException deadlock() {
        return new RuntimeException(new SQLException("deadlock detected", "40P01"));
    }

    @Test
    void aTransactionThatLosesConflictsRunsAgainUntilItPasses() {
        AtomicInteger tries = new AtomicInteger();

        String answer = ConflictRetry.run(() -> {
            if (tries.incrementAndGet() < ConflictRetry.MAX_ATTEMPTS) {
                throw deadlock();
            }
            return "committed";
        });

        assertThat(answer).isEqualTo("committed");
        assertThat(tries).hasValue(ConflictRetry.MAX_ATTEMPTS);
    }

    @Test
    void oneThatKeepsLosingIsTheStoreBeingBusyAfterTheLastTry() {
        AtomicInteger tries = new AtomicInteger();
        RuntimeException last = deadlock();

        assertThatThrownBy(() -> ConflictRetry.run(() -> {
                    tries.incrementAndGet();
                    throw last;
                }))
                .isInstanceOf(StoreUnavailableException.class)
                .hasCause(last);
        assertThat(tries).hasValue(ConflictRetry.MAX_ATTEMPTS);
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        AtomicInteger tries = new AtomicInteger();
        IllegalStateException bug = new IllegalStateException("a bug");

        assertThatThrownBy(() -> ConflictRetry.run(() -> {
                    tries.incrementAndGet();
                    throw bug;
                }))
                .isSameAs(bug);
        assertThat(tries).hasValue(1);
    }
}
