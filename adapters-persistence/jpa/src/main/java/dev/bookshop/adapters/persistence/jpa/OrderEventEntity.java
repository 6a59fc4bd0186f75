package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code order_events}; the database numbers it, and the number orders events of one instant. */
@Entity
@Table(name = "order_events")
class OrderEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    UUID orderId;

    @Column(name = "type", nullable = false, updatable = false)
    String type;

    @Column(name = "detail", nullable = false, updatable = false)
    String detail;

    @Column(name = "at", nullable = false, updatable = false)
    Instant at;
}
