package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code carts}: one per user. Its lines are {@link CartItemEntity} rows. */
@Entity
@Table(name = "carts")
class CartEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "user_id", nullable = false, updatable = false, unique = true)
    UUID userId;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;
}
