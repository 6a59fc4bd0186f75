package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code users}. */
@Entity
@Table(name = "users")
class UserEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "email", nullable = false)
    String email;

    @Column(name = "password_hash", nullable = false)
    String passwordHash;

    @Column(name = "role", nullable = false)
    String role;

    @Column(name = "active", nullable = false)
    boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "email_verified", nullable = false)
    boolean emailVerified;
}
