package dev.bookshop.application.payment.port.out;

import java.time.Instant;

/** Ids of payment-provider events already handled, so a redelivered event changes nothing. */
public interface ProcessedEventRepository {

    /** Records the event as handled; answers false when it already was. */
    boolean markProcessed(String provider, String eventId, Instant at);

    /** Whether the event was already recorded as handled. */
    boolean isProcessed(String provider, String eventId);
}
