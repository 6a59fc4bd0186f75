package dev.bookshop.adapters.persistence.jooq;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on {@link CatalogueCaches#CHANNEL} over a connection of its own (a pooled one would be handed to requests,
 * and a listening session must stay open) and brings every catalogue write another instance commits to this
 * process's caches. When the connection drops it opens another, waiting longer after each failure up to
 * {@link #MAX_BACKOFF}; once listening again it forgets every cache, as whatever was written meanwhile went unheard.
 */
public final class CatalogueListener implements AutoCloseable {

    /** Opens a connection to the primary outside any pool. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueListener.class);

    static final Duration FIRST_BACKOFF = Duration.ofMillis(100);

    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    /** How long one wait for notifications lasts: also how soon {@link #close} is noticed. */
    private static final int POLL_MILLIS = 500;

    /** How often a quiet connection is checked: a network that silently drops it raises nothing on a wait. */
    private static final Duration CHECK_EVERY = Duration.ofSeconds(10);

    private final Connections connections;
    private final CatalogueCaches caches;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean listening;

    private CatalogueListener(Connections connections, CatalogueCaches caches) {
        this.connections = connections;
        this.caches = caches;
        this.thread = Thread.ofPlatform().name("catalogue-listener").daemon().unstarted(this::run);
    }

    public static CatalogueListener start(Connections connections, CatalogueCaches caches) {
        CatalogueListener listener = new CatalogueListener(connections, caches);
        listener.thread.start();
        return listener;
    }

    /** Whether the listening connection is open now. */
    public boolean isListening() {
        return listening;
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        boolean lost = false;
        while (!closed) {
            try (Connection connection = connections.open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CatalogueCaches.CHANNEL);
                }
                // Whatever committed before LISTEN took effect was not heard; from here on nothing is missed.
                caches.forgetEverything();
                listening = true;
                if (lost) {
                    LOG.info("Listening for catalogue changes again");
                }
                lost = false;
                backoff = FIRST_BACKOFF;
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (closed) {
                    return;
                }
                if (!lost) {
                    LOG.warn(
                            "Not listening for catalogue changes ({}): retrying; caches forget other instances'"
                                    + " writes only by expiring until then",
                            e.getMessage());
                    lost = true;
                }
                caches.forgetEverything();
                if (!pause(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
        listening = false;
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        long checked = System.nanoTime();
        while (!closed) {
            PGNotification[] heard = postgres.getNotifications(POLL_MILLIS);
            if (heard != null) {
                for (PGNotification notification : heard) {
                    caches.heard(notification.getParameter());
                }
            }
            if (System.nanoTime() - checked > CHECK_EVERY.toNanos()) {
                if (!connection.isValid(2)) {
                    throw new SQLException("the listening connection no longer answers");
                }
                checked = System.nanoTime();
            }
        }
    }

    private boolean pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
