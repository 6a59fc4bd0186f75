package dev.bookshop.adapters.persistence.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.adapters.persistence.contract.TestData;
import dev.bookshop.adapters.persistence.testdb.TestDatabase;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.Stock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * A catalogue write through this adapter tells the instances that keep catalogue caches (the jOOQ adapter's) on the
 * channel they listen on, only once it commits.
 */
class JpaCatalogueNotificationsTest {

    private static TestDatabase db;
    private static JpaPersistence jpa;
    private static PersistencePorts ports;

    @BeforeAll
    static void open() {
        db = TestDatabase.create();
        jpa = JpaPersistence.open(db.dataSource());
        ports = jpa.ports();
    }

    @AfterAll
    static void close() {
        jpa.close();
        db.close();
    }

    @Test
    void aCommittedWriteIsAnnouncedByItsBookAndARolledBackOneNever() throws SQLException {
        Product kept = TestData.product().stock(3).build();
        Product rolledBack = TestData.product().stock(3).build();
        ports.transactions().inTransaction(() -> {
            ports.products().insertIfSlugFree(kept);
            ports.products().insertIfSlugFree(rolledBack);
        });
        try (Connection listening = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
                Statement statement = listening.createStatement()) {
            statement.execute("LISTEN " + JpaProductRepository.CATALOGUE_CHANNEL);
            PGConnection postgres = listening.unwrap(PGConnection.class);

            assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                        ports.products().setStock(rolledBack.id(), Stock.of(9));
                        throw new IllegalStateException("rolled back");
                    }))
                    .hasMessage("rolled back");
            ports.transactions().inTransaction(() -> {
                ports.products().decrementStock(kept.id(), 3);
                assertThat(heard(postgres)).as("nothing before the commit").isEmpty();
            });

            List<String> payloads = new ArrayList<>();
            for (int wait = 0; wait < 50 && payloads.isEmpty(); wait++) {
                payloads.addAll(heard(postgres));
            }
            assertThat(payloads).containsExactly(kept.id().value().toString());
        }
    }

    private static List<String> heard(PGConnection postgres) {
        try {
            PGNotification[] notifications = postgres.getNotifications(100);
            List<String> payloads = new ArrayList<>();
            if (notifications != null) {
                for (PGNotification notification : notifications) {
                    payloads.add(notification.getParameter());
                }
            }
            return payloads;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
