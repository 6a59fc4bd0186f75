package dev.bookshop.bootstrap.multi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer;
import dev.bookshop.bootstrap.TestServer.Customer;
import dev.bookshop.bootstrap.TestServer.Response;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The shop on a real primary with a real streaming standby as its read replica ({@link StreamingReplica}): the
 * catalogue reads from the standby while it keeps up, and from the primary, without an error, while it lags or is
 * gone. Skipped, saying so, where this machine has no PostgreSQL binaries.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StreamingReplicaTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private static StreamingReplica servers;
    private static TestServer shop;
    private static Customer admin;

    @BeforeAll
    static void start() throws IOException {
        Optional<Path> bin = StreamingReplica.binaries();
        assumeTrue(
                bin.isPresent(),
                "no PostgreSQL binaries under /usr/lib/postgresql/*/bin: the streaming-replica suite is skipped");
        servers = StreamingReplica.start(bin.get());
        shop = TestServer.start(Map.of(
                "DATABASE_URL", servers.primaryUrl(),
                "DATABASE_USER", servers.user(),
                "DATABASE_REPLICA_URL", servers.standbyUrl(),
                "REPLICA_MAX_LAG", "PT1S"));
        admin = shop.admin();
    }

    @AfterAll
    static void stop() {
        try {
            if (shop != null) {
                shop.close();
            }
        } finally {
            if (servers != null) {
                servers.close();
            }
        }
    }

    @Test
    @Order(1)
    void theCatalogueReadsFromTheReplicaAndSeesAWriteOnceItIsReplayed() {
        eventually(() -> assertThat(ready().get("replica").asText()).isEqualTo("up"));
        JsonNode book = shop.newBook("Replayed " + UUID.randomUUID(), 1200, 3);
        double before = metric("bookshop_catalogue_reads_total{pool=\"replica\"}");

        eventually(() -> assertThat(detail(book).status()).isEqualTo(200));

        assertThat(metric("bookshop_catalogue_reads_total{pool=\"replica\"}")).isGreaterThan(before);
        assertThat(metric("bookshop_catalogue_read_pool{pool=\"replica\"}")).isEqualTo(1);
        double onPrimary = metric("bookshop_catalogue_reads_total{pool=\"primary\"}");
        for (String path : catalogueReads(book)) {
            assertThat(shop.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(metric("bookshop_catalogue_reads_total{pool=\"primary\"}"))
                .as("no catalogue read went to the primary")
                .isEqualTo(onPrimary);
    }

    @Test
    @Order(2)
    void aLaggingReplicaIsBypassedUntilItCatchesUp() {
        eventually(() -> assertThat(ready().get("replica").asText()).isEqualTo("up"));
        servers.onStandby("select pg_wal_replay_pause()");
        try {
            JsonNode book = shop.newBook("Written While Paused " + UUID.randomUUID(), 1300, 2);

            eventually(() -> assertThat(ready().get("replica").asText()).isEqualTo("lagging"));
            assertThat(metric("bookshop_catalogue_read_pool{pool=\"primary\"}")).isEqualTo(1);
            // The standby has not replayed it: only the primary can answer.
            assertThat(detail(book).status()).isEqualTo(200);
            assertThat(detail(book).json().get("priceCents").asLong()).isEqualTo(1300);
        } finally {
            servers.onStandby("select pg_wal_replay_resume()");
        }
        eventually(() -> assertThat(ready().get("replica").asText()).isEqualTo("up"));
    }

    @Test
    @Order(3)
    void aReplicaThatCrashesIsBypassedWithoutAnError() {
        JsonNode book = shop.newBook("Outlives The Replica " + UUID.randomUUID(), 1400, 2);
        eventually(() -> assertThat(detail(book).status()).isEqualTo(200));

        servers.crashStandby();

        // From the first request on: some of these go to the replica before the next check finds it gone.
        for (int round = 0; round < 5; round++) {
            for (String path : catalogueReads(book)) {
                Response answer = shop.get(path);
                assertThat(answer.status()).as("%s: %s", path, answer).isEqualTo(200);
            }
        }
        eventually(() -> assertThat(ready().get("replica").asText()).isEqualTo("down"));
        Response ready = shop.get("/health/ready");
        assertThat(ready.status()).as("the replica is not required").isEqualTo(200);
        assertThat(ready.json().get("database").asText()).isEqualTo("up");
        assertThat(metric("bookshop_catalogue_read_pool{pool=\"primary\"}")).isEqualTo(1);
        for (String path : catalogueReads(book)) {
            assertThat(shop.get(path).status()).as(path).isEqualTo(200);
        }
        Response cart = shop.post(
                "/api/v1/cart/add",
                TestServer.json(Map.of("productId", book.get("id").asText(), "quantity", 1)),
                "Authorization",
                admin.bearer());
        assertThat(cart.status()).as(cart.toString()).isLessThan(500);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static List<String> catalogueReads(JsonNode book) {
        return List.of(
                "/api/v1/products",
                "/api/v1/products?sort=price&inStock=true",
                "/api/v1/products/" + book.get("slug").asText(),
                "/api/v1/products/search?q=replica",
                "/api/v1/categories",
                "/api/v1/products/facets",
                "/api/v1/products/suggest?q=out");
    }

    private static Response detail(JsonNode book) {
        return shop.get("/api/v1/products/" + book.get("slug").asText());
    }

    private static JsonNode ready() {
        Response ready = shop.get("/health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        return ready.json();
    }

    private static double metric(String sample) {
        Response metrics = shop.get("/metrics");
        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        return metrics.body()
                .lines()
                .filter(line -> line.startsWith(sample + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(sample.length() + 1)))
                .findFirst()
                .orElse(0);
    }

    /** Retries until the assertion holds or {@link #WAIT} has passed: it bounds replication, it times nothing. */
    private static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
