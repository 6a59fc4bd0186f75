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
}
