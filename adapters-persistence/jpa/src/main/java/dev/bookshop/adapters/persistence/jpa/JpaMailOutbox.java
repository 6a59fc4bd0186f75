package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.mail.port.out.MailOutbox;
import dev.bookshop.application.mail.port.out.OutboxMail;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The mail outbox in {@code mail_outbox}. Claiming reads the due rows {@code FOR UPDATE SKIP LOCKED} and leases them
 * in the same transaction, so concurrent senders take different mails and none waits for another.
 */
final class JpaMailOutbox implements MailOutbox {

    /** Keeps a pathological error message (a whole SMTP transcript) from bloating the row. */
    private static final int MAX_ERROR_LENGTH = 2_000;

    private final JpaTransactionRunner transactions;

    JpaMailOutbox(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean enqueueIfAbsent(OutboxMail mail) {
        MailOutboxEntity row = OutboxMailMapper.toNewEntity(mail);
        return transactions.call(em -> em.createQuery("""
                                insert into MailOutboxEntity (id, dedupeKey, recipient, subject, textBody, htmlBody,
                                                              createdAt, attempts, nextAttemptAt)
                                values (:id, :dedupeKey, :recipient, :subject, :textBody, :htmlBody,
                                        :createdAt, :attempts, :nextAttemptAt)
                                on conflict do nothing""")
                        .setParameter("id", row.id)
                        .setParameter("dedupeKey", row.dedupeKey)
                        .setParameter("recipient", row.recipient)
                        .setParameter("subject", row.subject)
                        .setParameter("textBody", row.textBody)
                        .setParameter("htmlBody", row.htmlBody)
                        .setParameter("createdAt", row.createdAt)
                        .setParameter("attempts", row.attempts)
                        .setParameter("nextAttemptAt", row.nextAttemptAt)
                        .executeUpdate()
                == 1);
    }

    @Override
    public List<OutboxMail> claimDue(Instant now, Instant leaseUntil, int limit) {
        if (limit < 1) {
            return List.of();
        }
        return transactions.call(em -> {
            List<MailOutboxEntity> due = Locking.skippingLocked(em.createQuery("""
                            select m from MailOutboxEntity m
                            where m.sentAt is null and m.nextAttemptAt <= :now
                              and (m.leaseUntil is null or m.leaseUntil <= :now)
                            order by m.nextAttemptAt, m.createdAt, m.id""", MailOutboxEntity.class)
                    .setParameter("now", now)
                    .setMaxResults(limit));
            // The rows are locked: the lease is written by the flush that ends this call, before anyone else sees them.
            due.forEach(row -> row.leaseUntil = leaseUntil);
            return due.stream()
                    .sorted(Comparator.comparing(row -> row.createdAt))
                    .map(OutboxMailMapper::toDomain)
                    .toList();
        });
    }

    @Override
    public void markSent(UUID id, Instant at) {
        transactions.run(em -> em.createQuery(
                        "update MailOutboxEntity m set m.sentAt = :at, m.leaseUntil = null where m.id = :id")
                .setParameter("at", at)
                .setParameter("id", id)
                .executeUpdate());
    }

    @Override
    public void markFailed(UUID id, Instant retryAt, String error) {
        String message = error == null ? "" : error;
        transactions.run(em -> em.createQuery("""
                        update MailOutboxEntity m
                        set m.attempts = m.attempts + 1, m.nextAttemptAt = :retryAt, m.lastError = :error,
                            m.leaseUntil = null
                        where m.id = :id""")
                .setParameter("retryAt", retryAt)
                .setParameter(
                        "error", message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message)
                .setParameter("id", id)
                .executeUpdate());
    }

    @Override
    public long countUnsent() {
        return transactions.call(
                em -> em.createQuery("select count(m) from MailOutboxEntity m where m.sentAt is null", Long.class)
                        .getSingleResult());
    }
    /**
     * Native SQL: JPQL has neither {@code LIMIT} in a subquery nor {@code SKIP LOCKED} in a delete. Candidates are
     * locked {@code FOR UPDATE SKIP LOCKED}, so concurrent purges take different rows and never wait on each other
     * or on a request holding a row.
     */
    @Override
    public int deleteSentBefore(Instant cutoff, int limit) {
        return transactions.call(em -> em.createNativeQuery("""
                        delete from mail_outbox where id in (
                            select id from mail_outbox
                            where sent_at < :cutoff
                            limit :limit
                            for update skip locked)""")
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .executeUpdate());
    }
}
