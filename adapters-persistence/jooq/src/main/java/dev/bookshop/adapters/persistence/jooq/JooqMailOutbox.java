package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.MAIL_OUTBOX;

import dev.bookshop.application.mail.port.out.MailOutbox;
import dev.bookshop.application.mail.port.out.OutboxMail;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The mail outbox in {@code mail_outbox}. Claiming leases rows with one UPDATE over a {@code FOR UPDATE SKIP LOCKED}
 * selection, so concurrent senders take different mails and none waits for another.
 */
final class JooqMailOutbox implements MailOutbox {

    /** Keeps a pathological error message (a whole SMTP transcript) from bloating the row. */
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final DSLContext dsl;

    JooqMailOutbox(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public boolean enqueueIfAbsent(OutboxMail mail) {
        return dsl.insertInto(MAIL_OUTBOX)
                        .set(OutboxMailMapper.toNewRecord(mail))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    @Override
    public List<OutboxMail> claimDue(Instant now, Instant leaseUntil, int limit) {
        if (limit < 1) {
            return List.of();
        }
        var due = dsl.select(MAIL_OUTBOX.ID)
                .from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.SENT_AT.isNull())
                .and(MAIL_OUTBOX.NEXT_ATTEMPT_AT.le(now))
                .and(MAIL_OUTBOX.LEASE_UNTIL.isNull().or(MAIL_OUTBOX.LEASE_UNTIL.le(now)))
                .orderBy(MAIL_OUTBOX.NEXT_ATTEMPT_AT, MAIL_OUTBOX.CREATED_AT, MAIL_OUTBOX.ID)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return dsl
                .update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.LEASE_UNTIL, leaseUntil)
                .where(MAIL_OUTBOX.ID.in(due))
                .returning()
                .fetch()
                .stream()
                // UPDATE ... RETURNING promises no order; oldest first is what a reader expects.
                .sorted(Comparator.comparing(r -> r.getCreatedAt()))
                .map(OutboxMailMapper::toDomain)
                .toList();
    }

    @Override
    public void markSent(UUID id, Instant at) {
        dsl.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.SENT_AT, at)
                .setNull(MAIL_OUTBOX.LEASE_UNTIL)
                .where(MAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    @Override
    public void markFailed(UUID id, Instant retryAt, String error) {
        String message = error == null ? "" : error;
        dsl.update(MAIL_OUTBOX)
                .set(MAIL_OUTBOX.ATTEMPTS, MAIL_OUTBOX.ATTEMPTS.plus(1))
                .set(MAIL_OUTBOX.NEXT_ATTEMPT_AT, retryAt)
                .set(
                        MAIL_OUTBOX.LAST_ERROR,
                        message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message)
                .setNull(MAIL_OUTBOX.LEASE_UNTIL)
                .where(MAIL_OUTBOX.ID.eq(id))
                .execute();
    }

    @Override
    public long countUnsent() {
        return dsl.fetchCount(MAIL_OUTBOX, MAIL_OUTBOX.SENT_AT.isNull());
    }

    /** {@code FOR UPDATE SKIP LOCKED}: concurrent purges take different rows and never wait on each other. */
    @Override
    public int deleteSentBefore(Instant cutoff, int limit) {
        var old = dsl.select(MAIL_OUTBOX.ID)
                .from(MAIL_OUTBOX)
                .where(MAIL_OUTBOX.SENT_AT.lt(cutoff))
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return dsl.deleteFrom(MAIL_OUTBOX).where(MAIL_OUTBOX.ID.in(old)).execute();
    }
}
