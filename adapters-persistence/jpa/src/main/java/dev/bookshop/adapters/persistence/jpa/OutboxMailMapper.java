package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.mail.port.out.OutboxMail;
import dev.bookshop.domain.user.Email;

/** Maps a {@link MailOutboxEntity} to an {@link OutboxMail}, and a new mail to its entity. */
final class OutboxMailMapper {

    private OutboxMailMapper() {}

    static OutboxMail toDomain(MailOutboxEntity row) {
        return new OutboxMail(
                row.id,
                row.dedupeKey,
                Email.of(row.recipient),
                row.subject,
                row.textBody,
                row.htmlBody,
                row.createdAt,
                row.attempts);
    }

    /** A queued mail: due at once, not leased, not sent. */
    static MailOutboxEntity toNewEntity(OutboxMail mail) {
        MailOutboxEntity row = new MailOutboxEntity();
        row.id = mail.id();
        row.dedupeKey = mail.dedupeKey();
        row.recipient = mail.to().value();
        row.subject = mail.subject();
        row.textBody = mail.textBody();
        row.htmlBody = mail.htmlBody();
        row.createdAt = mail.createdAt();
        row.attempts = mail.attempts();
        row.nextAttemptAt = mail.createdAt();
        return row;
    }
}
