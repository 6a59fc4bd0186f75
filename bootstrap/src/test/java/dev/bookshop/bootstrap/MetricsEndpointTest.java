package dev.bookshop.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} on the wired application: requests by route template, the JVM, the pool and the shop. */
class MetricsEndpointTest {

    private static TestServer app;

    @BeforeAll
    static void start() {
        app = TestServer.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void afterAPurchaseTheMetricsShowRoutesJvmPoolOrdersAndPayments() {
        JsonNode book = app.newBook("Metered", 800, 5);
        TestServer.Customer ann = app.newCustomer();
        app.post(
                "/api/v1/cart/add",
                TestServer.json(Map.of("productId", book.get("id").asText(), "quantity", 1)),
                "Authorization",
                ann.bearer());
        TestServer.Response checkout = app.post("/api/v1/checkout", null, "Authorization", ann.bearer());
        String orderId = checkout.json().at("/order/id").asText();
        assertThat(app.get("/api/v1/orders/" + orderId, "Authorization", ann.bearer())
                        .status())
                .isEqualTo(200);

        TestServer.Response metrics = app.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).startsWith("text/plain");
        String text = metrics.body();
        assertThat(value(
                        text,
                        "http_server_requests_seconds_count{method=\"GET\",outcome=\"SUCCESS\","
                                + "route=\"/api/v1/orders/{id}\",status=\"200\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(
                        text,
                        "http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\","
                                + "route=\"/api/v1/checkout\",status=\"201\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(text)
                .contains("http_server_requests_seconds_bucket{")
                .as("ids never become labels")
                .doesNotContain(orderId)
                .doesNotContain(book.get("id").asText());
        assertThat(text)
                .contains("jvm_memory_used_bytes{")
                .contains("jvm_threads_live_threads ")
                .contains("jvm_classes_loaded_classes ")
                .contains("jvm_gc_")
                .contains("system_cpu_count ")
                .contains("process_uptime_seconds ");
        assertThat(value(text, "hikaricp_connections_max{pool=\"bookshop\"}")).isEqualTo(4);
        assertThat(text).contains("hikaricp_connections_active{pool=\"bookshop\"}");
        assertThat(value(text, "bookshop_orders{status=\"PAID\"}")).isGreaterThanOrEqualTo(1);
        assertThat(text).contains("bookshop_orders{status=\"PENDING\"}").contains("bookshop_orders{status=\"FAILED\"}");
        assertThat(value(text, "bookshop_payments_total{operation=\"start\",outcome=\"succeeded\",provider=\"fake\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(text)
                .contains("bookshop_emails_total{outcome=\"sent\"}")
                .contains("bookshop_emails_total{outcome=\"failed\"}");
    }

    @Test
    void withoutAMetricsTokenAClientOnAnotherAddressIsRefused() {
        String address = nonLoopbackAddress();

        TestServer.Response refused = app.send(HttpRequest.newBuilder(
                        URI.create("http://" + address + ":" + app.server().port() + "/metrics"))
                .header("X-Forwarded-For", "127.0.0.1"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("FORBIDDEN");
        assertThat(refused.body()).doesNotContain("jvm_");
    }

    @Test
    void withAMetricsTokenAnyAddressWithTheTokenIsServedAndNoneWithout() {
        String address = nonLoopbackAddress();
        String token = "scraper-token-0123456789";
        try (TestServer tokened = TestServer.start(Map.of("METRICS_TOKEN", token))) {
            URI remote = URI.create("http://" + address + ":" + tokened.server().port() + "/metrics");

            assertThat(tokened.send(HttpRequest.newBuilder(remote), "Authorization", "Bearer " + token)
                            .status())
                    .isEqualTo(200);
            assertThat(tokened.send(HttpRequest.newBuilder(remote)).status()).isEqualTo(401);
            assertThat(tokened.get("/metrics", "Authorization", "Bearer wrong-" + token)
                            .status())
                    .as("loopback with a wrong token")
                    .isEqualTo(401);
        }
    }

    /** An IPv4 address of this machine that is not loopback; the test is skipped on a machine without one. */
    private static String nonLoopbackAddress() {
        try {
            Optional<String> address = NetworkInterface.networkInterfaces()
                    .filter(nic -> {
                        try {
                            return nic.isUp() && !nic.isLoopback();
                        } catch (SocketException e) {
                            return false;
                        }
                    })
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                    .map(InetAddress::getHostAddress)
                    .findFirst();
            assumeTrue(address.isPresent(), "this machine has no non-loopback IPv4 address to connect from");
            return address.get();
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The sample value of the series {@code series} (name and labels exactly as exposed). */
    static double value(String scrape, String series) {
        Matcher sample =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape);
        assertThat(sample.find()).as("series %s in%n%s", series, scrape).isTrue();
        return Double.parseDouble(sample.group(1));
    }
}
