package dev.bookshop.bootstrap;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import dev.bookshop.bootstrap.config.Settings;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shop's PostgreSQL: the one {@code DATABASE_URL} names, or an embedded server whose data lives in
 * {@code DATA_DIR} across restarts. Migrated with Flyway before anything uses it; pooled with HikariCP.
 */
final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource pool;
    private final Optional<EmbeddedPostgres> embedded;

    private Database(HikariDataSource pool, Optional<EmbeddedPostgres> embedded) {
        this.pool = pool;
        this.embedded = embedded;
    }

    /** Opens the pool, publishing its meters ({@code hikaricp_*}) to {@code metrics}, and migrates the schema. */
    static Database open(Settings settings, MeterRegistry metrics) {
        Optional<EmbeddedPostgres> embedded = Optional.empty();
        HikariConfig config = new HikariConfig();
        if (settings.databaseUrl().isPresent()) {
            config.setJdbcUrl(settings.databaseUrl().get());
            settings.databaseUser().ifPresent(config::setUsername);
            settings.databasePassword().ifPresent(config::setPassword);
        } else {
            EmbeddedPostgres server = startEmbedded(settings.dataDir());
            embedded = Optional.of(server);
            config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
        }
        config.setPoolName("bookshop");
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        // The catalogue is small enough to live in memory; at the default page cost (4, a spinning disk) PostgreSQL
        // would rather read every book to match a search word than take the full-text index, several times slower
        // (docs/PERFORMANCE.md has the plans and timings). An options parameter in DATABASE_URL overrides this.
        config.addDataSourceProperty("options", "-c random_page_cost=1.1");
        config.setMaximumPoolSize(settings.dbPoolSize());
        // How long a request waits for a connection before it answers 503. While the database is down every request
        // waits this long (a failed transaction up to three times: begin, rollback, release), holding a server thread;
        // a short wait sheds that load and tells the client to come back sooner.
        config.setConnectionTimeout(Duration.ofSeconds(2).toMillis());
        // Fail fast at start when the database is unreachable; the operator gets one clear line.
        config.setInitializationFailTimeout(Duration.ofSeconds(10).toMillis());
        HikariDataSource pool = new HikariDataSource(config);
        Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return new Database(pool, embedded);
    }

    /**
     * A pool on the read replica, without migrating (the replica replays the primary's schema). It opens even while
     * the replica is down: the shop then reads from the primary until the replica answers. A short wait for a
     * connection, as a read that cannot get one goes to the primary instead.
     */
    static Database openReplica(Settings settings, Settings.Replica replica, MeterRegistry metrics) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(replica.url());
        replica.user().ifPresent(config::setUsername);
        replica.password().ifPresent(config::setPassword);
        config.setPoolName("bookshop-replica");
        config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(metrics));
        config.addDataSourceProperty("options", "-c random_page_cost=1.1");
        // Names the pool's sessions in pg_stat_activity on the replica.
        config.addDataSourceProperty("ApplicationName", "bookshop-replica");
        config.setMaximumPoolSize(settings.dbPoolSize());
        config.setConnectionTimeout(Duration.ofSeconds(1).toMillis());
        config.setInitializationFailTimeout(-1);
        return new Database(new HikariDataSource(config), Optional.empty());
    }

    /**
     * A connection of its own, outside the pool, with the pool's address and credentials: for a session that must
     * stay open, such as one listening for notifications.
     */
    Connection openDedicated() throws SQLException {
        Properties properties = new Properties();
        if (pool.getUsername() != null) {
            properties.setProperty("user", pool.getUsername());
        }
        if (pool.getPassword() != null) {
            properties.setProperty("password", pool.getPassword());
        }
        properties.setProperty("ApplicationName", "bookshop-listener");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(pool.getJdbcUrl(), properties);
    }

    private static EmbeddedPostgres startEmbedded(Path dataDir) {
        try {
            Path data = dataDir.toAbsolutePath().resolve("postgres");
            Files.createDirectories(data);
            LOG.info("Starting the embedded PostgreSQL with its data in {}", data);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
        }
    }

    DataSource dataSource() {
        return pool;
    }

    /** Whether the database answers a trivial round trip now. */
    boolean isReachable() {
        try (Connection connection = pool.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
        embedded.ifPresent(server -> {
            try {
                server.close();
            } catch (IOException e) {
                LOG.warn("The embedded PostgreSQL did not stop cleanly", e);
            }
        });
    }
}
