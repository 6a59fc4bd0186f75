package dev.bookshop.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the Bruno collection in {@code bruno/} — every route in order, with its assertions — against the real server
 * with the demo catalogue, through the Bruno CLI; any failed assertion fails the build. The CLI is installed with npm
 * once into a cache directory ({@code ~/.cache/bookshop/bruno-cli-<version>}, or {@code BRUNO_CLI_CACHE}). Without
 * node and npm, or when the install fails, the test is skipped and says why.
 */
class BrunoCollectionTest {

    /** Pinned: the collection is written for this CLI's run flags and scripting API. */
    static final String BRUNO_CLI_VERSION = "4.1.0";

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(5);

    @Test
    void theCollectionPassesAgainstTheServer() throws IOException, InterruptedException {
        Path collection = collectionDirectory();
        Path reports = Path.of("target", "bruno").toAbsolutePath();
        Files.createDirectories(reports);
        requireTool(reports, "node");
        requireTool(reports, "npm");
        Path cli = installedCli(reports);

        try (TestServer app = TestServer.start(Map.of("SEED_DEMO_DATA", "true"))) {
            Path output = reports.resolve("run.txt");
            List<String> command = List.of(
                    "node",
                    cli.toString(),
                    "run",
                    // Our own collection, so Node's sandbox is fine; the default QuickJS one has failed to start
                    // in CI ("Cannot read properties of undefined (reading 'newContext')").
                    "--sandbox",
                    "developer",
                    "--env",
                    "local",
                    "--env-var",
                    "baseUrl=" + app.baseUrl(),
                    "--env-var",
                    "adminEmail=" + TestServer.ADMIN_EMAIL,
                    "--env-var",
                    "adminPassword=" + TestServer.ADMIN_PASSWORD,
                    "--reporter-junit",
                    reports.resolve("results.xml").toString());
            int exit = run(command, collection, output, RUN_TIMEOUT);

            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertThat(exit)
                    .as("bru run exit code; failures are marked ✕ in %s:%n%s", output, failures(log))
                    .isZero();
            assertThat(log).contains("Status").doesNotContain("✕");
        }
    }

    /** The repository's {@code bruno/} folder; the tests run in the bootstrap module's directory. */
    private static Path collectionDirectory() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        Path collection = module.resolve("..").resolve("bruno").normalize();
        assertThat(collection.resolve("bruno.json")).as("the Bruno collection").exists();
        return collection;
    }

    private static void requireTool(Path reports, String tool) throws InterruptedException {
        try {
            int exit = run(
                    List.of(tool, "--version"), reports, reports.resolve(tool + "-version.txt"), Duration.ofMinutes(1));
            if (exit != 0) {
                abort(tool + " --version failed (exit " + exit + "); install Node.js to run the Bruno collection");
            }
        } catch (IOException e) {
            abort(tool + " is not installed (" + e.getMessage() + "); install Node.js to run the Bruno collection");
        }
    }

    /** The CLI's entry script, installing it first when the cache does not hold it. */
    private static Path installedCli(Path reports) throws InterruptedException {
        Path cache = cacheDirectory();
        Path script = cliScript(cache);
        if (Files.isRegularFile(script)) {
            return script;
        }
        // Installed beside the cache and moved into place, so a second build at the same time never sees half of it.
        Path staging = cache.resolveSibling(
                cache.getFileName() + ".installing-" + ProcessHandle.current().pid());
        Path log = reports.resolve("npm-install.txt");
        try {
            Files.createDirectories(staging);
            int exit = run(
                    List.of(
                            "npm",
                            "install",
                            "--prefix",
                            staging.toString(),
                            "--no-audit",
                            "--no-fund",
                            "--loglevel=error",
                            "@usebruno/cli@" + BRUNO_CLI_VERSION),
                    staging,
                    log,
                    INSTALL_TIMEOUT);
            if (exit != 0 || !Files.isRegularFile(cliScript(staging))) {
                abort("npm could not install @usebruno/cli@" + BRUNO_CLI_VERSION + " (exit " + exit + "); see " + log);
            }
            moveIntoPlace(staging, cache);
        } catch (IOException e) {
            abort("npm could not install @usebruno/cli@" + BRUNO_CLI_VERSION + ": " + e.getMessage());
        } finally {
            deleteQuietly(staging);
        }
        return script;
    }

    private static Path cacheDirectory() {
        String configured = System.getenv("BRUNO_CLI_CACHE");
        Path base = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "bookshop");
        return base.resolve("bruno-cli-" + BRUNO_CLI_VERSION).toAbsolutePath();
    }

    private static Path cliScript(Path installation) {
        return installation.resolve("node_modules/@usebruno/cli/bin/bru.js");
    }

    private static void moveIntoPlace(Path staging, Path cache) throws IOException {
        Files.createDirectories(cache.getParent());
        try {
            Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            // Another build finished first (or the file system cannot move atomically): keep what is there.
            if (!Files.isRegularFile(cliScript(cache))) {
                throw e;
            }
        } catch (IOException e) {
            // A non-empty target directory refuses the move the same way on some systems.
            if (!Files.isRegularFile(cliScript(cache))) {
                throw e;
            }
        }
    }

    private static int run(List<String> command, Path directory, Path output, Duration timeout)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout);
        }
        return process.exitValue();
    }

    /** The failed requests and assertions of a run, with a line of context each, for the failure message. */
    private static String failures(String log) {
        List<String> lines = log.lines().toList();
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("✕")) {
                picked.add(lines.get(i));
                if (i + 1 < lines.size()) {
                    picked.add(lines.get(i + 1));
                }
            }
        }
        return picked.isEmpty()
                ? log.lines().skip(Math.max(0, lines.size() - 40)).reduce("", (a, b) -> a + "\n" + b)
                : String.join("\n", picked);
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover staging directory only costs disk space; the next install uses a fresh one.
        }
    }
}
