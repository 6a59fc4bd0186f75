package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.MailOutboxRecord;
import dev.bookshop.application.mail.port.out.OutboxMail;
import dev.bookshop.domain.user.Email;

/** Maps a {@code mail_outbox} row to an {@link OutboxMail}, and a new mail to its row. */
final class OutboxMailMapper {

    private OutboxMailMapper() {}

    static OutboxMail toDomain(MailOutboxRecord row) {
        return new OutboxMail(
                row.getId(),
                row.getDedupeKey(),
                Email.of(row.getRecipient()),
                row.getSubject(),
                row.getTextBody(),
                row.getHtmlBody(),
                row.getCreatedAt(),
                row.getAttempts());
    }

    /** A queued mail: due at once, not leased, not sent. */
    static MailOutboxRecord toNewRecord(OutboxMail mail) {
        MailOutboxRecord row = new MailOutboxRecord();
        row.setId(mail.id());
        row.setDedupeKey(mail.dedupeKey());
        row.setRecipient(mail.to().value());
        row.setSubject(mail.subject());
        row.setTextBody(mail.textBody());
        row.setHtmlBody(mail.htmlBody());
        row.setCreatedAt(mail.createdAt());
        row.setAttempts(mail.attempts());
        row.setNextAttemptAt(mail.createdAt());
        return row;
    }
}
