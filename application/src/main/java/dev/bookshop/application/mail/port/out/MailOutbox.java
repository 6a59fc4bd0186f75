package dev.bookshop.application.mail.port.out;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Mail written in the same transaction as the change it announces, and sent after commit. A claimed mail is leased
 * to one sender until the lease ends, so several instances never send the same mail at once.
 */
public interface MailOutbox {

    /** Queues the mail unless one with its dedupe key exists; answers whether it was queued. */
    boolean enqueueIfAbsent(OutboxMail mail);

    /** Claims up to {@code limit} unsent mails that are due, leasing them until {@code leaseUntil}. */
    List<OutboxMail> claimDue(Instant now, Instant leaseUntil, int limit);

    void markSent(UUID id, Instant at);

    /** Records a failed attempt; the mail is due again at {@code retryAt}. */
    void markFailed(UUID id, Instant retryAt, String error);

    /** Number of mails not yet sent. */
    long countUnsent();

    /**
     * Deletes up to {@code limit} mails sent before {@code cutoff}; a mail not yet sent is never deleted.
     * Rows another transaction holds locked are skipped and left for a later call, so concurrent purges
     * never wait on each other or on a request, and each row is deleted (and counted) by one of them only. Answers how many it deleted.
     */
    int deleteSentBefore(Instant cutoff, int limit);
}
