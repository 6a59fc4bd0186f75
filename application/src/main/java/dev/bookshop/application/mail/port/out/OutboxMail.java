package dev.bookshop.application.mail.port.out;

import dev.bookshop.domain.user.Email;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A mail waiting in the outbox. {@code dedupeKey} names what the mail is about (one order's confirmation), so the
 * same mail can never be queued twice.
 */
public record OutboxMail(
        UUID id,
        String dedupeKey,
        Email to,
        String subject,
        String textBody,
        String htmlBody,
        Instant createdAt,
        int attempts) {
    public OutboxMail {
        Objects.requireNonNull(id);
        Objects.requireNonNull(dedupeKey);
        Objects.requireNonNull(to);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(textBody);
        Objects.requireNonNull(htmlBody);
        Objects.requireNonNull(createdAt);
    }
}
