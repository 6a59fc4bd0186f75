package dev.bookshop.bootstrap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the read replica may serve the catalogue now: it answers, is a standby, and has replayed what the primary had
 * written {@code maxLag} ago. Checked every {@link #INTERVAL}. The lag is not the age of the last replayed transaction
 * (an idle primary would make a perfect replica look ever later) but how long ago the primary had already written past
 * the replica's replay position: each check notes the primary's write position, and the oldest position the replica
 * has not replayed yet tells since when it is behind. Zero as soon as it caught up, measured to within one interval.
 */
final class ReplicaMonitor implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1);

    private static final Logger LOG = LoggerFactory.getLogger(ReplicaMonitor.class);

    enum State {
        UP,
        LAGGING,
        DOWN;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private record Written(long nanos, long position) {}

    private final DataSource primary;
    private final DataSource replica;
    private final long maxLagNanos;
    private final LongSupplier nanoTime;
    private final Deque<Written> unreplayed = new ArrayDeque<>();
    private final ScheduledExecutorService checks;
    private volatile State state = State.DOWN;
    private volatile long lagNanos;

    private ReplicaMonitor(DataSource primary, DataSource replica, Duration maxLag, LongSupplier nanoTime) {
        this.primary = primary;
        this.replica = replica;
        this.maxLagNanos = maxLag.toNanos();
        this.nanoTime = nanoTime;
        this.checks = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("replica-monitor").daemon().factory());
    }

    /** Checks once at once (so a healthy replica serves from the first request), then every {@link #INTERVAL}. */
    static ReplicaMonitor start(DataSource primary, DataSource replica, Duration maxLag, MeterRegistry metrics) {
        ReplicaMonitor monitor = new ReplicaMonitor(primary, replica, maxLag, System::nanoTime);
        monitor.check();
        monitor.checks.scheduleWithFixedDelay(
                monitor::checkQuietly, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        Gauge.builder("bookshop_replica_lag_seconds", monitor, m -> m.lagNanos / 1e9)
                .description("How far the read replica is behind the primary, as of the last check")
                .register(metrics);
        for (State each : State.values()) {
            Gauge.builder("bookshop_replica_state", monitor, m -> m.state == each ? 1 : 0)
                    .description("The read replica's state as of the last check (1 for the current one)")
                    .tag("state", each.label())
                    .register(metrics);
        }
        return monitor;
    }

    State state() {
        return state;
    }

    /** Whether catalogue reads go to the replica now. */
    boolean serves() {
        return state == State.UP;
    }

    /** A read on the replica failed: bypass it until the next check finds it well. */
    void failed() {
        setState(State.DOWN, "a read on it failed");
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            setState(State.DOWN, e.getMessage());
        }
    }

    /** The primary first: a position read after the replica's would make a busy replica always look behind. */
    synchronized void check() {
        long written;
        try {
            written = position(primary, "select pg_current_wal_lsn()::text");
        } catch (SQLException e) {
            // The primary's outage is readiness's news; the replica is judged again once the primary answers.
            return;
        }
        long now = nanoTime.getAsLong();
        try (Connection connection = replica.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select pg_is_in_recovery(), pg_last_wal_replay_lsn()::text")) {
            row.next();
            if (!row.getBoolean(1) || row.getString(2) == null) {
                setState(State.DOWN, "it is not a standby replaying the primary");
                return;
            }
            long replayed = parse(row.getString(2));
            // Only a move of the primary is noted: an idle primary adds nothing, a stuck replica one entry per write.
            if (unreplayed.isEmpty() || unreplayed.peekLast().position() < written) {
                unreplayed.addLast(new Written(now, written));
            }
            while (!unreplayed.isEmpty() && unreplayed.peekFirst().position() <= replayed) {
                unreplayed.removeFirst();
            }
            lagNanos = unreplayed.isEmpty() ? 0 : now - unreplayed.peekFirst().nanos();
            setState(lagNanos > maxLagNanos ? State.LAGGING : State.UP, "lag " + Duration.ofNanos(lagNanos));
        } catch (SQLException e) {
            unreplayed.clear();
            setState(State.DOWN, e.getMessage());
        }
    }

    private void setState(State next, String why) {
        State before = state;
        state = next;
        if (before != next) {
            if (next == State.UP) {
                LOG.info("The read replica serves the catalogue again ({})", why);
            } else {
                LOG.warn("The read replica is {} ({}): the catalogue reads from the primary", next.label(), why);
            }
        }
    }

    private static long position(DataSource dataSource, String query) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(query)) {
            row.next();
            return parse(row.getString(1));
        }
    }

    /** A WAL position as PostgreSQL prints it, {@code 16/B374D848}: two 32-bit halves in hexadecimal. */
    static long parse(String lsn) {
        int slash = lsn.indexOf('/');
        return (Long.parseLong(lsn.substring(0, slash), 16) << 32) | Long.parseLong(lsn.substring(slash + 1), 16);
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }
}
