package dev.bookshop.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The container's health probe: asks the server in the same container whether it is ready ({@code GET /health/ready}
 * on {@code PORT}) and exits 0 when it answers 200, 1 otherwise. Java rather than curl, because the runtime image is
 * not promised to ship curl.
 */
public final class HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(4);

    private HealthCheck() {}

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("PORT", "8080");
        System.exit(isReady(URI.create("http://127.0.0.1:" + port.strip() + "/health/ready")) ? 0 : 1);
    }

    static boolean isReady(URI readiness) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        try {
            HttpResponse<Void> answer = client.send(
                    HttpRequest.newBuilder(readiness).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
