package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.PROCESSED_PAYMENT_EVENTS;

import dev.bookshop.application.payment.port.out.ProcessedEventRepository;
import java.time.Instant;
import org.jooq.DSLContext;

/** Handled payment-provider events in {@code processed_payment_events}, keyed by (provider, event id). */
final class JooqProcessedEventRepository implements ProcessedEventRepository {

    private final DSLContext dsl;

    JooqProcessedEventRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean markProcessed(String provider, String eventId, Instant at) {
        return dsl.insertInto(PROCESSED_PAYMENT_EVENTS)
                        .set(PROCESSED_PAYMENT_EVENTS.PROVIDER, provider)
                        .set(PROCESSED_PAYMENT_EVENTS.EVENT_ID, eventId)
                        .set(PROCESSED_PAYMENT_EVENTS.PROCESSED_AT, at)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    @Override
    public boolean isProcessed(String provider, String eventId) {
        return dsl.fetchExists(
                PROCESSED_PAYMENT_EVENTS,
                PROCESSED_PAYMENT_EVENTS.PROVIDER.eq(provider).and(PROCESSED_PAYMENT_EVENTS.EVENT_ID.eq(eventId)));
    }
}
