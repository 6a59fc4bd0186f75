package dev.bookshop.adapters.persistence.testdb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A fresh PostgreSQL database with the shop's schema, for one test class: created on the JVM's shared server (see
 * {@link ServerSelection}), migrated with the project's Flyway migrations, reached through a connection pool, and
 * dropped on {@link #close()}.
 *
 * <pre>{@code
 * static TestDatabase db = TestDatabase.create();
 * @AfterAll static void drop() { db.close(); }
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {

    private static final Object LOCK = new Object();
    private static DatabaseServer server;

    private final String name;
    private final String url;
    private final DatabaseServer host;
    private final HikariDataSource dataSource;

    private TestDatabase(String name, DatabaseServer host, HikariDataSource dataSource) {
        this.name = name;
        this.url = host.urlOf(name);
        this.host = host;
        this.dataSource = dataSource;
    }

    /** Creates and migrates a new, empty database on the shared server, starting the server on first use. */
    public static TestDatabase create() {
        DatabaseServer host = sharedServer();
        String name =
                "bookshop_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(host, "create database " + name);
        String url = host.urlOf(name);
        Flyway.configure()
                .dataSource(url, host.user(), host.password())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(host.user());
        config.setPassword(host.password());
        config.setMaximumPoolSize(10);
        config.setPoolName(name);
        return new TestDatabase(name, host, new HikariDataSource(config));
    }

    /** The server every test database of this JVM lives on, chosen and started once. */
    static DatabaseServer sharedServer() {
        synchronized (LOCK) {
            if (server == null) {
                server = ServerSelection.choose();
            }
            return server;
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String jdbcUrl() {
        return url;
    }

    public String user() {
        return host.user();
    }

    public String password() {
        return host.password();
    }

    /** How the server was found: {@code TEST_DATABASE_URL}, {@code testcontainers} or {@code embedded}. */
    public String serverKind() {
        return host.kind();
    }

    /** Empties every table of the schema (not Flyway's history), for suites that want a clean slate per test. */
    public void truncateAllTables() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select tablename from pg_tables where schemaname = 'public'"
                    + " and tablename <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add('"' + rs.getString(1) + '"');
                }
            }
            if (!tables.isEmpty()) {
                statement.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the test database " + name, e);
        }
    }

    /** Closes the pool and drops the database. */
    @Override
    public void close() {
        dataSource.close();
        execute(host, "drop database if exists " + name.toLowerCase(Locale.ROOT) + " with (force)");
    }

    private static void execute(DatabaseServer host, String sql) {
        try (Connection connection = host.connectAsAdmin();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database server refused: " + sql, e);
        }
    }
}
