package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.payment.port.out.ProcessedEventRepository;
import java.time.Instant;

/** Handled payment-provider events in {@code processed_payment_events}, keyed by (provider, event id). */
final class JpaProcessedEventRepository implements ProcessedEventRepository {

    private final JpaTransactionRunner transactions;

    JpaProcessedEventRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean markProcessed(String provider, String eventId, Instant at) {
        return transactions.call(em -> em.createQuery("""
                                insert into ProcessedPaymentEventEntity (provider, eventId, processedAt)
                                values (:provider, :eventId, :at)
                                on conflict do nothing""")
                        .setParameter("provider", provider)
                        .setParameter("eventId", eventId)
                        .setParameter("at", at)
                        .executeUpdate()
                == 1);
    }

    @Override
    public boolean isProcessed(String provider, String eventId) {
        return transactions.call(em -> !em.createQuery("""
                                select e.eventId from ProcessedPaymentEventEntity e
                                where e.provider = :provider and e.eventId = :eventId""")
                .setParameter("provider", provider)
                .setParameter("eventId", eventId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty());
    }
    /**
     * Native SQL: JPQL has neither {@code LIMIT} in a subquery nor {@code SKIP LOCKED} in a delete. Candidates are
     * locked {@code FOR UPDATE SKIP LOCKED}, so concurrent purges take different rows and never wait on each other
     * or on a request holding a row.
     */
    @Override
    public int deleteProcessedBefore(Instant cutoff, int limit) {
        return transactions.call(em -> em.createNativeQuery("""
                        delete from processed_payment_events where (provider, event_id) in (
                            select provider, event_id from processed_payment_events
                            where processed_at < :cutoff
                            limit :limit
                            for update skip locked)""")
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .executeUpdate());
    }
}
