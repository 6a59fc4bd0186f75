package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code processed_payment_events}, keyed by (provider, event id). */
@Entity
@Table(name = "processed_payment_events")
@IdClass(ProcessedPaymentEventEntity.Key.class)
class ProcessedPaymentEventEntity {

    record Key(String provider, String eventId) {}

    @Id
    @Column(name = "provider")
    String provider;

    @Id
    @Column(name = "event_id")
    String eventId;

    @Column(name = "processed_at", nullable = false, updatable = false)
    Instant processedAt;
}
