package dev.bookshop.adapters.persistence.jooq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.catalog.Stock;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Two "instances" of the adapter on one database, each with caches of its own that would keep a page for an hour:
 * only the notification of the other's write can explain a change seen in time.
 */
class CatalogueListenerTest extends DatabaseTest {

    private static final Duration AN_HOUR = Duration.ofHours(1);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String LISTENER_NAME = "catalogue-listener-test";

    private PersistencePorts writer;
    private CatalogueCaches readerCaches;
    private PersistencePorts reader;
    private CatalogueListener listener;

    @BeforeEach
    void twoInstances() {
        writer = JooqPersistence.create(db.dataSource(), 10_000, new CatalogueCaches(AN_HOUR), Duration.ZERO);
        readerCaches = new CatalogueCaches(AN_HOUR);
        reader = JooqPersistence.create(db.dataSource(), 10_000, readerCaches, Duration.ZERO);
        listener = CatalogueListener.start(() -> open(LISTENER_NAME), readerCaches);
        waitUntil(listener::isListening);
    }

    @AfterEach
    void stopListening() {
        listener.close();
    }

    @Test
    void aBookAddedOnOneInstanceShowsInTheOthersKeptPagesOnceCommitted() {
        Fixtures.storedBook(writer, "Already There", 1);
        assertThat(titles(reader)).containsExactly("Already There");

        writer.transactions()
                .inTransaction(() -> writer.products().insertIfSlugFree(Fixtures.book("Brand New", "A", 100, 1)));

        waitUntil(() -> titles(reader).contains("Brand New"));
        assertThat(titles(reader)).containsExactly("Already There", "Brand New");
    }

    @Test
    void aRolledBackWriteIsNeverAnnouncedAndACommittedOneIsAnnouncedOnCommit() throws Exception {
        Product kept = Fixtures.storedBook(writer, "Kept", 3);
        Product rolledBack = Fixtures.storedBook(writer, "Rolled Back", 3);
        try (Connection listening = open("notification-probe")) {
            try (Statement statement = listening.createStatement()) {
                statement.execute("LISTEN " + CatalogueCaches.CHANNEL);
            }
            PGConnection postgres = listening.unwrap(PGConnection.class);

            assertThatThrownBy(() -> writer.transactions().inTransaction(() -> {
                        writer.products().setStock(rolledBack.id(), Stock.of(9));
                        throw new IllegalStateException("rolled back");
                    }))
                    .hasMessage("rolled back");
            writer.transactions().inTransaction(() -> {
                writer.products().setStock(kept.id(), Stock.of(7));
                assertThat(heard(postgres, 200)).as("nothing before the commit").isEmpty();
            });

            List<String> payloads = new ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (payloads.isEmpty() && System.nanoTime() < deadline) {
                payloads.addAll(heard(postgres, 200));
            }
            assertThat(payloads).containsExactly(kept.id().value().toString());
        }
    }

    @Test
    void aLostConnectionIsReopenedAndEveryCacheForgotten() throws SQLException {
        Product book = Fixtures.storedBook(writer, "Before", 1);
        // Its own notification, heard after the page below was kept, would forget it.
        waitUntil(() -> readerCaches.notificationsHeard() == 1);
        assertThat(titles(reader)).containsExactly("Before");
        // A page keeps which books it shows (the books themselves are checked against their versions on every read).
        try (Connection admin = db.dataSource().getConnection();
                Statement statement = admin.createStatement()) {
            // Behind the shop's back: no notification, so only forgetting everything on reconnect shows it.
            statement.execute("insert into products (id, slug, title, author, price_cents, stock, active, created_at,"
                    + " updated_at) select gen_random_uuid(), 'after', 'After', author, price_cents, stock, active,"
                    + " created_at, updated_at from products where id = '"
                    + book.id().value() + "'");
            assertThat(titles(reader)).as("kept").containsExactly("Before");
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                    + LISTENER_NAME + "'");
        }

        waitUntil(() -> titles(reader).contains("After"));
        waitUntil(listener::isListening);
        assertThat(titles(reader)).containsExactly("After", "Before");
    }

    private static List<String> titles(PersistencePorts ports) {
        return ports.products().find(ProductQuery.all()).items().stream()
                .map(Product::title)
                .toList();
    }

    private static List<String> heard(PGConnection postgres, int millis) {
        PGNotification[] notifications;
        try {
            notifications = postgres.getNotifications(millis);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        List<String> payloads = new ArrayList<>();
        if (notifications != null) {
            for (PGNotification notification : notifications) {
                payloads.add(notification.getParameter());
            }
        }
        return payloads;
    }

    private Connection open(String applicationName) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", db.user());
        if (db.password() != null) {
            properties.setProperty("password", db.password());
        }
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(db.jdbcUrl(), properties);
    }

    /** Polls until {@code condition} holds, up to {@link #WAIT}: it bounds a background thread, it times nothing. */
    private static void waitUntil(BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("still waiting after %s", WAIT).isLessThan(deadline);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
