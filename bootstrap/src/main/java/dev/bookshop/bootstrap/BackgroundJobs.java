package dev.bookshop.bootstrap;

import dev.bookshop.application.housekeeping.port.in.PurgeReport;
import dev.bookshop.application.shared.port.in.StoreUnavailableException;
import dev.bookshop.application.shared.port.in.UseCases;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The periodic work: expiring unpaid orders, sending queued mail and deleting what the shop no longer needs. All are
 * safe when several instances run them at once (the store hands each order, mail and purged row to one of them), so
 * every instance simply runs them.
 */
final class BackgroundJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundJobs.class);
    static final Duration MAIL_INTERVAL = Duration.ofSeconds(2);
    static final Duration HOUSEKEEPING_FIRST_DELAY = Duration.ofMinutes(1);

    private final ScheduledExecutorService scheduler;

    private BackgroundJobs(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    static BackgroundJobs start(UseCases useCases, Duration paymentTimeout, Duration housekeepingInterval) {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1, runnable -> {
            Thread thread = new Thread(runnable, "bookshop-jobs");
            thread.setDaemon(true);
            return thread;
        });
        // Sweeping a few times per timeout keeps an unpaid order's stock held at most about a quarter longer.
        long sweepMillis = Math.max(1_000, Math.min(60_000, paymentTimeout.toMillis() / 4));
        scheduler.scheduleWithFixedDelay(
                guarded("order expiry", () -> {
                    int expired = useCases.expirePendingOrders().expireOverdueOrders();
                    if (expired > 0) {
                        LOG.info("Expired {} unpaid orders and returned their stock", expired);
                    }
                }),
                sweepMillis,
                sweepMillis,
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(
                guarded("mail delivery", () -> useCases.deliverMail().deliverDueMail()),
                MAIL_INTERVAL.toMillis(),
                MAIL_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        // The first round waits a minute: start-up (migrations, the admin, the seed) has the database first.
        scheduler.scheduleWithFixedDelay(
                guarded("housekeeping", () -> {
                    PurgeReport report = useCases.purgeExpiredData().purgeExpired();
                    if (report.total() > 0) {
                        LOG.info("Housekeeping purged {}", report.summary());
                    }
                }),
                Math.min(HOUSEKEEPING_FIRST_DELAY.toMillis(), housekeepingInterval.toMillis()),
                housekeepingInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        return new BackgroundJobs(scheduler);
    }

    /** A job that throws would be descheduled for good; log it and try again next round instead. */
    private static Runnable guarded(String name, Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (StoreUnavailableException e) {
                // Readiness and every request already say so; a stack trace every two seconds would bury the rest.
                LOG.warn("The {} job could not reach the database; it runs again shortly", name);
            } catch (RuntimeException e) {
                LOG.warn("The {} job failed; it runs again shortly", name, e);
            }
        };
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
