package dev.bookshop.adapters.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.shared.port.in.StoreUnavailableException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class StoreOutagesTest {

    @Test
    void aLostConnectionAnywhereInTheCausesIsAnOutage() {
        RuntimeException lost = new PersistenceException(
                "could not execute statement", new SQLException("An I/O error occurred", "08006"));
        RuntimeException poolTimeout =
                new PersistenceException("no connection", new SQLTransientConnectionException("timeout"));
        RuntimeException shuttingDown =
                new PersistenceException("terminating", new SQLException("admin shutdown", "57P01"));

        assertThat(StoreOutages.translate(lost))
                .isInstanceOf(StoreUnavailableException.class)
                .hasCause(lost);
        assertThat(StoreOutages.translate(poolTimeout)).isInstanceOf(StoreUnavailableException.class);
        assertThat(StoreOutages.translate(shuttingDown)).isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void otherFailuresPassThroughUnchanged() {
        RuntimeException uniqueViolation =
                new PersistenceException("duplicate", new SQLException("duplicate key", "23505"));
        RuntimeException bug = new IllegalStateException("a bug");

        assertThat(StoreOutages.translate(uniqueViolation)).isSameAs(uniqueViolation);
        assertThat(StoreOutages.translate(bug)).isSameAs(bug);
    }
}
