package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code discount_codes}. */
@Entity
@Table(name = "discount_codes")
class DiscountCodeEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "code", nullable = false)
    String code;

    @Column(name = "kind", nullable = false)
    String kind;

    @Column(name = "value", nullable = false)
    long value;

    @Column(name = "min_subtotal_cents")
    Long minSubtotalCents;

    @Column(name = "starts_at")
    Instant startsAt;

    @Column(name = "ends_at")
    Instant endsAt;

    @Column(name = "max_redemptions")
    Integer maxRedemptions;

    @Column(name = "max_per_customer")
    Integer maxPerCustomer;

    @Column(name = "active", nullable = false)
    boolean active;

    @Column(name = "times_redeemed", nullable = false)
    int timesRedeemed;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
}
