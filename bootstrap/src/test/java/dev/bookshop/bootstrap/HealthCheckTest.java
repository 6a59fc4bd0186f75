package dev.bookshop.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The container's health probe says yes to a ready server and no when nothing answers. */
class HealthCheckTest {

    @Test
    void aReadyServerPassesTheProbe() {
        try (TestServer app = TestServer.start(Map.of("PERSISTENCE", "memory"))) {
            assertThat(HealthCheck.isReady(app.uri("/health/ready"))).isTrue();
        }
    }

    @Test
    void aPortWithoutServerFailsTheProbe() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        assertThat(HealthCheck.isReady(URI.create("http://127.0.0.1:" + port + "/health/ready")))
                .isFalse();
    }
}
