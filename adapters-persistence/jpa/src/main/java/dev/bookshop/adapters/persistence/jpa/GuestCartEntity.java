package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code guest_carts}, keyed by its token's hash. Its lines are {@link GuestCartItemEntity} rows. */
@Entity
@Table(name = "guest_carts")
class GuestCartEntity {

    @Id
    @Column(name = "token_hash")
    String tokenHash;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    @Column(name = "last_used_at", nullable = false)
    Instant lastUsedAt;
}
