package dev.bookshop.application.mail.service;

import dev.bookshop.application.mail.port.in.DeliverMailUseCase;
import dev.bookshop.application.mail.port.out.MailOutbox;
import dev.bookshop.application.mail.port.out.Mailer;
import dev.bookshop.application.mail.port.out.OutboxMail;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends what the outbox holds. Mails are claimed under a lease in one short transaction and sent outside it, so a
 * slow or dead mail server never holds database locks, and an instance that dies mid-send only delays a mail.
 */
public final class MailDeliveryService implements DeliverMailUseCase {

    static final int BATCH = 20;
    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration LEASE_MARGIN = Duration.ofSeconds(30);
    static final Duration FIRST_RETRY = Duration.ofSeconds(15);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private final TransactionRunner transactions;
    private final MailOutbox outbox;
    private final Mailer mailer;
    private final Clock clock;

    public MailDeliveryService(TransactionRunner transactions, MailOutbox outbox, Mailer mailer, Clock clock) {
        this.transactions = transactions;
        this.outbox = outbox;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Override
    public int deliverDueMail() {
        Instant now = clock.instant();
        List<OutboxMail> due = transactions.inTransaction(() -> outbox.claimDue(now, now.plus(LEASE), BATCH));
        int sent = 0;
        Instant leaseUntil = now.plus(LEASE);
        for (OutboxMail mail : due) {
            // Past the lease another instance may claim the rest of the batch; leave it to that one rather than
            // risk sending a mail twice.
            if (clock.instant().isAfter(leaseUntil.minus(LEASE_MARGIN))) {
                break;
            }
            try {
                mailer.send(mail.to(), mail.subject(), mail.textBody(), mail.htmlBody());
            } catch (RuntimeException e) {
                Instant retryAt = clock.instant().plus(backoff(mail.attempts()));
                transactions.inTransaction(() -> outbox.markFailed(mail.id(), retryAt, String.valueOf(e.getMessage())));
                continue;
            }
            transactions.inTransaction(() -> outbox.markSent(mail.id(), clock.instant()));
            sent++;
        }
        return sent;
    }

    /** 15 s, 30 s, 1 min, … doubling up to an hour. */
    static Duration backoff(int attemptsSoFar) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(attemptsSoFar, 12));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }
}
