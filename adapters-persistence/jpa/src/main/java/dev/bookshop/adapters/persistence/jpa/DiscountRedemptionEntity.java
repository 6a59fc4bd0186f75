package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code discount_redemptions}: the order that carries a code, and whose order it is. */
@Entity
@Table(name = "discount_redemptions")
class DiscountRedemptionEntity {

    @Id
    @Column(name = "order_id")
    UUID orderId;

    @Column(name = "code_id", nullable = false, updatable = false)
    UUID codeId;

    @Column(name = "customer_id", nullable = false, updatable = false)
    UUID customerId;

    @Column(name = "redeemed_at", nullable = false, updatable = false)
    Instant redeemedAt;
}
