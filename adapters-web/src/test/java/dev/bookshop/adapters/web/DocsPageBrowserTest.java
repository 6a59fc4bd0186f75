package dev.bookshop.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The docs page in a real headless Chromium: the browser runs Swagger UI under the page's CSP, fetches the document
 * and renders its operations. A script the CSP refused, or one the server did not serve, leaves the page empty.
 * Skipped, saying so, on a machine without Chromium ({@code bin/install-test-tools} installs it).
 */
class DocsPageBrowserTest {

    private static final List<Path> BROWSERS = List.of(
            Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromium-browser"), Path.of("/usr/bin/google-chrome"));

    static TestApp app;

    @BeforeAll
    static void start() {
        app = TestApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void chromiumRendersTheOperationsOfTheDocument() throws Exception {
        Path browser = BROWSERS.stream().filter(Files::isExecutable).findFirst().orElse(null);
        assumeTrue(browser != null, "no Chromium at " + BROWSERS + ": run bin/install-test-tools");
        Path profile = Files.createTempDirectory("docs-browser");
        Process chromium = new ProcessBuilder(
                        browser.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--no-first-run",
                        "--user-data-dir=" + profile,
                        // Runs the page's scripts and its fetch of /openapi.json before the DOM is printed.
                        "--virtual-time-budget=20000",
                        "--dump-dom",
                        app.base + "/docs")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String dom = new String(chromium.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(chromium.waitFor(2, TimeUnit.MINUTES)).as("Chromium exited").isTrue();
        deleteQuietly(profile);

        assertThat(dom)
                .contains("opblock-summary-path")
                .contains("/api/v1/products")
                .contains("/api/v1/checkout");
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A temporary profile left behind is harmless.
        }
    }
}
