package dev.bookshop.bootstrap.config;

import dev.bookshop.application.housekeeping.service.Retention;
import java.time.Duration;
import java.util.Objects;

/**
 * How often housekeeping runs and how long it keeps what it may delete.
 *
 * @param interval the pause between two rounds on one instance
 */
public record HousekeepingSettings(Duration interval, Retention retention) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofHours(1);

    /**
     * Stripe redelivers an event for up to three days; forgetting it sooner would let a late redelivery be handled
     * twice (a second refund attempt, a second audit entry).
     */
    static final Duration MIN_PROCESSED_EVENT_RETENTION = Duration.ofDays(3);

    static final Duration MAX_RETENTION = Duration.ofDays(3_650);

    public HousekeepingSettings {
        Objects.requireNonNull(interval);
        Objects.requireNonNull(retention);
    }

    public static HousekeepingSettings defaults() {
        return new HousekeepingSettings(DEFAULT_INTERVAL, Retention.defaults());
    }

    static HousekeepingSettings from(Environment env) {
        Retention defaults = Retention.defaults();
        return new HousekeepingSettings(
                env.duration("HOUSEKEEPING_INTERVAL", DEFAULT_INTERVAL, Duration.ofMinutes(1), Duration.ofDays(1)),
                new Retention(
                        env.duration(
                                "PROCESSED_EVENT_RETENTION",
                                defaults.processedEvents(),
                                MIN_PROCESSED_EVENT_RETENTION,
                                MAX_RETENTION),
                        // A client retrying a checkout does so within minutes; an hour is the least that still
                        // covers a flaky network.
                        env.duration(
                                "IDEMPOTENCY_KEY_RETENTION",
                                defaults.idempotencyKeys(),
                                Duration.ofHours(1),
                                MAX_RETENTION),
                        env.duration("SENT_MAIL_RETENTION", defaults.sentMail(), Duration.ofHours(1), MAX_RETENTION),
                        defaults.batchSize()));
    }
}
