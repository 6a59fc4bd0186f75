package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code mail_outbox}. */
@Entity
@Table(name = "mail_outbox")
class MailOutboxEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "dedupe_key", nullable = false, updatable = false)
    String dedupeKey;

    @Column(name = "recipient", nullable = false, updatable = false)
    String recipient;

    @Column(name = "subject", nullable = false, updatable = false)
    String subject;

    @Column(name = "text_body", nullable = false, updatable = false)
    String textBody;

    @Column(name = "html_body", nullable = false, updatable = false)
    String htmlBody;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "attempts", nullable = false)
    int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    Instant nextAttemptAt;

    @Column(name = "lease_until")
    Instant leaseUntil;

    @Column(name = "sent_at")
    Instant sentAt;

    @Column(name = "last_error")
    String lastError;
}
