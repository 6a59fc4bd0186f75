package dev.bookshop.application.payment.port.out;

import java.time.Instant;

/** Ids of payment-provider events already handled, so a redelivered event changes nothing. */
public interface ProcessedEventRepository {

    /** Records the event as handled; answers false when it already was. */
    boolean markProcessed(String provider, String eventId, Instant at);

    /** Whether the event was already recorded as handled. */
    boolean isProcessed(String provider, String eventId);

    /**
     * Deletes up to {@code limit} events handled before {@code cutoff}; a redelivery of one would be handled again.
     * Rows another transaction holds locked are skipped and left for a later call, so concurrent purges
     * never wait on each other or on a request, and each row is deleted (and counted) by one of them only. Answers how many it deleted.
     */
    int deleteProcessedBefore(Instant cutoff, int limit);
}
