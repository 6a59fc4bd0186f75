package dev.bookshop.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same process rides out a database outage: while PostgreSQL is down, readiness and the API answer 503
 * SERVICE_UNAVAILABLE (never 500); once it is back on the same port and data, the pool reconnects and everything
 * answers again, data intact, without a restart. Runs its own embedded PostgreSQL, since it stops it.
 */
class DatabaseOutageTest {

    @TempDir
    Path dataDir;

    @Test
    void answers503WhileTheDatabaseIsDownAndServesAgainWhenItIsBack() throws IOException {
        int port = freePort();
        EmbeddedPostgres postgres = startPostgres(port);
        try (TestServer app = TestServer.start(Map.of(
                "DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"),
                "DATABASE_USER", "postgres",
                "DATABASE_PASSWORD", ""))) {
            JsonNode book = app.newBook("Outage", 1000, 4);
            String bookPath = "/api/v1/products/" + book.get("slug").asText();
            TestServer.Customer ann = app.newCustomer();
            assertThat(app.get("/health/ready").status()).isEqualTo(200);

            postgres.close();

            assertThat(app.get("/health/ready").status()).isEqualTo(503);
            assertThat(app.get("/health/live").status())
                    .as("the process itself is fine")
                    .isEqualTo(200);
            assertUnavailable(app.get(bookPath));
            assertUnavailable(app.post(
                    "/api/v1/cart/add",
                    TestServer.json(Map.of("productId", book.get("id").asText(), "quantity", 1)),
                    "Authorization",
                    ann.bearer()));

            postgres = startPostgres(port);

            awaitReady(app);
            assertThat(app.get(bookPath).json().get("stock").asInt()).isEqualTo(4);
            TestServer.Response added = app.post(
                    "/api/v1/cart/add",
                    TestServer.json(Map.of("productId", book.get("id").asText(), "quantity", 1)),
                    "Authorization",
                    ann.bearer());
            assertThat(added.status()).as(added.toString()).isEqualTo(200);
            TestServer.Response checkout = app.post("/api/v1/checkout", null, "Authorization", ann.bearer());
            assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
        } finally {
            postgres.close();
        }
    }

    private static void assertUnavailable(TestServer.Response answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().get("code").asText()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(answer.body()).doesNotContainIgnoringCase("sql").doesNotContain("Exception");
    }

    /** Polls readiness until it answers 200; PostgreSQL and the pool take a moment to come back. */
    private static void awaitReady(TestServer app) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = app.get("/health/ready").status();
        while (status != 200 && System.nanoTime() < deadline) {
            sleep(Duration.ofMillis(250));
            status = app.get("/health/ready").status();
        }
        assertThat(status).as("readiness after the database came back").isEqualTo(200);
    }

    private EmbeddedPostgres startPostgres(int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir.resolve("postgres"))
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(30))
                .start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
