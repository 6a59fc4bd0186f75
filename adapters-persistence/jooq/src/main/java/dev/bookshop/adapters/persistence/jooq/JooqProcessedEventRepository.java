package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.PROCESSED_PAYMENT_EVENTS;
import static org.jooq.impl.DSL.row;

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

    /** {@code FOR UPDATE SKIP LOCKED}: concurrent purges take different rows and never wait on each other. */
    @Override
    public int deleteProcessedBefore(Instant cutoff, int limit) {
        var old = dsl.select(PROCESSED_PAYMENT_EVENTS.PROVIDER, PROCESSED_PAYMENT_EVENTS.EVENT_ID)
                .from(PROCESSED_PAYMENT_EVENTS)
                .where(PROCESSED_PAYMENT_EVENTS.PROCESSED_AT.lt(cutoff))
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return dsl.deleteFrom(PROCESSED_PAYMENT_EVENTS)
                .where(row(PROCESSED_PAYMENT_EVENTS.PROVIDER, PROCESSED_PAYMENT_EVENTS.EVENT_ID)
                        .in(old))
                .execute();
    }
}
