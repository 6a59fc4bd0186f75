package dev.bookshop.bootstrap.multi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL primary and a streaming standby of it, made with this machine's own binaries
 * ({@code initdb}, {@code pg_ctl}, {@code pg_basebackup}) in a temporary directory, on free ports of 127.0.0.1. The
 * servers refuse to run as root: as root, every command runs as {@code postgres}, which then owns the directory.
 * {@link #close} stops both and deletes everything, whatever state they are in.
 */
final class StreamingReplica implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);
    private static final String SERVER_USER = "postgres";

    private final Path bin;
    private final Path base;
    private final int primaryPort;
    private final int standbyPort;

    private StreamingReplica(Path bin, Path base, int primaryPort, int standbyPort) {
        this.bin = bin;
        this.base = base;
        this.primaryPort = primaryPort;
        this.standbyPort = standbyPort;
    }

    /** The newest {@code /usr/lib/postgresql/<version>/bin} with every tool needed, if there is one. */
    static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(b -> Stream.of("initdb", "pg_ctl", "pg_basebackup", "postgres")
                            .allMatch(tool -> Files.isExecutable(b.resolve(tool))))
                    .max(Comparator.comparingInt(StreamingReplica::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Makes and starts both servers; the standby is replaying when this returns. */
    static StreamingReplica start(Path bin) throws IOException {
        Path base = Files.createTempDirectory("bookshop-replica");
        StreamingReplica servers = new StreamingReplica(bin, base, freePort(), freePort());
        try {
            servers.create();
            return servers;
        } catch (IOException | RuntimeException e) {
            servers.close();
            throw e;
        }
    }

    private void create() throws IOException {
        if (asRoot()) {
            UserPrincipalLookupService users = base.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView view = Files.getFileAttributeView(base, PosixFileAttributeView.class);
            view.setOwner(users.lookupPrincipalByName(SERVER_USER));
            GroupPrincipal group = users.lookupPrincipalByGroupName(SERVER_USER);
            view.setGroup(group);
        }
        Path primary = base.resolve("primary");
        Path standby = base.resolve("standby");
        run(tool("initdb"), "-D", primary.toString(), "-U", SERVER_USER, "-A", "trust", "-E", "UTF8", "--no-sync");
        append(
                primary.resolve("postgresql.conf"),
                "listen_addresses = '127.0.0.1'",
                "port = " + primaryPort,
                "unix_socket_directories = '" + base + "'",
                "wal_level = replica",
                "max_wal_senders = 4",
                "hot_standby = on",
                // A throwaway cluster: nothing to make durable.
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off");
        append(
                primary.resolve("pg_hba.conf"),
                "host all all 127.0.0.1/32 trust",
                "host replication all 127.0.0.1/32 trust");
        run(
                tool("pg_ctl"),
                "-D",
                primary.toString(),
                "-l",
                base.resolve("primary.log").toString(),
                "-w",
                "start");
        run(
                tool("pg_basebackup"),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(primaryPort),
                "-U",
                SERVER_USER,
                "-D",
                standby.toString(),
                "-R",
                "-X",
                "stream",
                "--no-sync");
        append(standby.resolve("postgresql.conf"), "port = " + standbyPort);
        run(
                tool("pg_ctl"),
                "-D",
                standby.toString(),
                "-l",
                base.resolve("standby.log").toString(),
                "-w",
                "start");
    }

    String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres";
    }

    String standbyUrl() {
        return "jdbc:postgresql://127.0.0.1:" + standbyPort + "/postgres";
    }

    String user() {
        return SERVER_USER;
    }

    /** Runs one statement on the standby (for example {@code select pg_wal_replay_pause()}). */
    void onStandby(String sql) {
        try (Connection connection = DriverManager.getConnection(standbyUrl(), SERVER_USER, null);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The standby goes away at once, as a crash would take it. */
    void crashStandby() {
        run(tool("pg_ctl"), "-D", base.resolve("standby").toString(), "-m", "immediate", "-w", "stop");
    }

    @Override
    public void close() {
        for (String server : List.of("standby", "primary")) {
            Path data = base.resolve(server);
            if (Files.exists(data.resolve("postmaster.pid"))) {
                try {
                    run(tool("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "stop");
                } catch (RuntimeException e) {
                    // Already stopped, or never started: the directory goes anyway.
                }
            }
        }
        delete(base);
    }

    private String tool(String name) {
        return bin.resolve(name).toString();
    }

    private void run(String... command) {
        List<String> line = new ArrayList<>();
        if (asRoot()) {
            line.addAll(List.of("runuser", "-u", SERVER_USER, "--"));
        }
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            base.resolve("commands.log").toFile()))
                    .start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", line));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("failed (" + process.exitValue() + "): " + String.join(" ", line) + "\n"
                        + tail(base.resolve("commands.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }

    private static void append(Path file, String... lines) throws IOException {
        Files.writeString(
                file, "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // Best effort: a leftover in the temporary directory harms nothing.
                }
            });
        } catch (IOException e) {
            // Same.
        }
    }
}
