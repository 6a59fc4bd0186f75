package dev.bookshop.application.housekeeping.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How long housekeeping keeps what it may delete, and how many rows one statement deletes.
 *
 * @param processedEvents how long a handled payment-provider event is remembered; the provider's redeliveries must
 *     end well before (Stripe retries for three days), or a late redelivery would be handled twice
 * @param idempotencyKeys how long a checkout key answers its first order; a client retrying later makes a new one
 * @param sentMail how long a sent mail (recipient, order contents) stays in the outbox; unsent mail is never deleted
 * @param batchSize rows per delete statement: small enough that one transaction holds few locks for a short time
 */
public record Retention(Duration processedEvents, Duration idempotencyKeys, Duration sentMail, int batchSize) {

    public static final Duration DEFAULT_PROCESSED_EVENTS = Duration.ofDays(30);
    public static final Duration DEFAULT_IDEMPOTENCY_KEYS = Duration.ofDays(1);
    public static final Duration DEFAULT_SENT_MAIL = Duration.ofDays(30);
    public static final int DEFAULT_BATCH_SIZE = 1_000;

    public Retention {
        requirePositive(processedEvents, "processed event retention");
        requirePositive(idempotencyKeys, "idempotency key retention");
        requirePositive(sentMail, "sent mail retention");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
    }

    public static Retention defaults() {
        return new Retention(DEFAULT_PROCESSED_EVENTS, DEFAULT_IDEMPOTENCY_KEYS, DEFAULT_SENT_MAIL, DEFAULT_BATCH_SIZE);
    }

    public Retention withBatchSize(int size) {
        return new Retention(processedEvents, idempotencyKeys, sentMail, size);
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }
}
