package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code refresh_tokens}. */
@Entity
@Table(name = "refresh_tokens")
class RefreshTokenEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    UUID userId;

    @Column(name = "family_id", nullable = false, updatable = false)
    UUID familyId;

    // char(64) in the schema: a hex SHA-256 always fills it, so no padding comes back.
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    String tokenHash;

    @Column(name = "expires_at", nullable = false, updatable = false)
    Instant expiresAt;

    @Column(name = "revoked", nullable = false)
    boolean revoked;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "session_started_at", nullable = false, updatable = false)
    Instant sessionStartedAt;

    @Column(name = "rotated_at")
    Instant rotatedAt;

    @Column(name = "user_agent", updatable = false, length = 256)
    String userAgent;
}
