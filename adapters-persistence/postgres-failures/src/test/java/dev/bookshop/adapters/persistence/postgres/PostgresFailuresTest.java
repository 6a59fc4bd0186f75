package dev.bookshop.adapters.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.shared.port.in.StoreUnavailableException;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class PostgresFailuresTest {

    /** How jOOQ and Hibernate both hand a driver failure on: wrapped, maybe more than once. */
    private static RuntimeException wrapped(Throwable cause) {
        return new RuntimeException("could not execute statement", new RuntimeException("inner", cause));
    }

    @Test
    void aLostConnectionAPoolTimeoutAndAServerShuttingDownAreOutagesAnywhereInTheCauses() {
        RuntimeException lost = wrapped(new SQLException("An I/O error occurred", "08006"));
        RuntimeException poolTimeout = wrapped(new SQLTransientConnectionException("timeout"));
        RuntimeException shuttingDown = wrapped(new SQLException("terminating connection", "57P01"));
        RuntimeException startingUp = wrapped(new SQLException("the database system is starting up", "57P03"));

        for (RuntimeException outage : new RuntimeException[] {lost, poolTimeout, shuttingDown, startingUp}) {
            assertThat(PostgresFailures.isOutage(outage))
                    .as(outage.getCause().getCause().getMessage())
                    .isTrue();
            assertThat(PostgresFailures.translate(outage))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasCause(outage);
        }
    }

    @Test
    void aBadStatementAConstraintAndABugAreNotOutagesAndPassThroughUnchanged() {
        RuntimeException syntax = wrapped(new SQLSyntaxErrorException("syntax", "42601"));
        RuntimeException unique = wrapped(new SQLException("duplicate key", "23505"));
        RuntimeException bug = new IllegalStateException("a bug");

        assertThat(PostgresFailures.isOutage(syntax)).isFalse();
        assertThat(PostgresFailures.translate(syntax)).isSameAs(syntax);
        assertThat(PostgresFailures.translate(unique)).isSameAs(unique);
        assertThat(PostgresFailures.translate(bug)).isSameAs(bug);
    }

    @Test
    void anOutageAlreadyTranslatedIsNotWrappedTwice() {
        StoreUnavailableException once = PostgresFailures.unavailable(new SQLException("gone", "08006"));

        assertThat(PostgresFailures.translate(once)).isSameAs(once);
    }

    @Test
    void deadlocksAndSerializationFailuresAreLostConflictsAndNothingElseIs() {
        assertThat(PostgresFailures.isLostConflict(wrapped(new SQLException("deadlock detected", "40P01"))))
                .isTrue();
        assertThat(PostgresFailures.isLostConflict(wrapped(new SQLException("could not serialize", "40001"))))
                .isTrue();
        assertThat(PostgresFailures.isLostConflict(wrapped(new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(PostgresFailures.isLostConflict(wrapped(new SQLException("no state"))))
                .isFalse();
        assertThat(PostgresFailures.isLostConflict(new IllegalStateException("a bug")))
                .isFalse();
    }

    @Test
    void aCauseChainThatPointsAtItselfEnds() {
        SQLException selfish = new SQLException("loops", "23505") {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };

        assertThat(PostgresFailures.isOutage(selfish)).isFalse();
        assertThat(PostgresFailures.isLostConflict(selfish)).isFalse();
    }
}
