package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code account_tokens}. */
@Entity
@Table(name = "account_tokens")
class AccountTokenEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    UUID userId;

    @Column(name = "kind", nullable = false, updatable = false)
    String kind;

    // char(64) in the schema: a hex SHA-256 always fills it, so no padding comes back.
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    String tokenHash;

    @Column(name = "new_email", updatable = false)
    String newEmail;

    @Column(name = "expires_at", nullable = false, updatable = false)
    Instant expiresAt;

    @Column(name = "used_at")
    Instant usedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
}
