package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.mail.port.out.OutboxMail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every adapter's {@code MailOutbox} must do: one mail per dedupe key, due mails claimed under a lease, sent
 * mails never claimed again, failed ones due again at their retry time.
 */
public abstract class MailOutboxContract extends PersistenceContract {

    @Test
    void queuesAMailAndCountsItUnsent() {
        long before = unsent();

        boolean queued = inTx(() -> ports.mailOutbox().enqueueIfAbsent(TestData.mail(TestData.now())));

        assertThat(queued).isTrue();
        assertThat(unsent()).isEqualTo(before + 1);
    }

    @Test
    void refusesASecondMailWithTheSameDedupeKey() {
        OutboxMail first = queued(TestData.now());
        long before = unsent();
        OutboxMail duplicate = new OutboxMail(
                UUID.randomUUID(),
                first.dedupeKey(),
                TestData.email(),
                "Another subject",
                "text",
                "<p>html</p>",
                TestData.now(),
                0);

        boolean queued = inTx(() -> ports.mailOutbox().enqueueIfAbsent(duplicate));

        assertThat(queued).isFalse();
        assertThat(unsent()).isEqualTo(before);
        assertThat(claimIds(TestData.now().plusSeconds(1), TestData.now().plusSeconds(60), 100))
                .contains(first.id())
                .doesNotContain(duplicate.id());
    }

    @Test
    void claimsADueMailWithEveryField() {
        OutboxMail mail = queued(TestData.now().minusSeconds(10));
        Instant now = TestData.now();

        List<OutboxMail> claimed = claim(now, now.plusSeconds(60), 100);

        assertThat(claimed).contains(mail);
    }

    @Test
    void doesNotClaimAMailBeforeItIsDue() {
        Instant created = TestData.now();
        OutboxMail mail = queued(created);

        assertThat(claimIds(created.minusSeconds(1), created.plusSeconds(60), 100))
                .doesNotContain(mail.id());
    }

    @Test
    void aLeasedMailIsNotClaimedAgainUntilTheLeaseEnds() {
        OutboxMail mail = queued(TestData.now().minusSeconds(10));
        Instant now = TestData.now();
        Instant leaseEnd = now.plusSeconds(60);
        assertThat(claimIds(now, leaseEnd, 100)).contains(mail.id());

        List<UUID> duringLease = claimIds(leaseEnd.minusSeconds(1), leaseEnd.plusSeconds(60), 100);
        List<UUID> afterLease = claimIds(leaseEnd, leaseEnd.plusSeconds(60), 100);

        assertThat(duringLease).doesNotContain(mail.id());
        assertThat(afterLease).contains(mail.id());
    }

    @Test
    void claimsNoMoreThanTheLimit() {
        for (int i = 0; i < 5; i++) {
            queued(TestData.now().minusSeconds(10));
        }
        Instant now = TestData.now();

        List<OutboxMail> claimed = claim(now, now.plusSeconds(60), 3);

        assertThat(claimed).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aSentMailIsNeverClaimedAgainNorCountedUnsent() {
        OutboxMail mail = queued(TestData.now().minusSeconds(10));
        Instant now = TestData.now();
        claim(now, now.plusSeconds(5), 100);
        long before = unsent();

        inTx(() -> ports.mailOutbox().markSent(mail.id(), now.plusSeconds(1)));

        assertThat(unsent()).isEqualTo(before - 1);
        assertThat(claimIds(now.plusSeconds(3600), now.plusSeconds(3700), 100)).doesNotContain(mail.id());
    }

    @Test
    void aFailedMailIsDueAgainAtItsRetryTimeWithOneMoreAttempt() {
        OutboxMail mail = queued(TestData.now().minusSeconds(10));
        Instant now = TestData.now();
        Instant leaseEnd = now.plusSeconds(30);
        Instant retryAt = now.plusSeconds(300);
        claim(now, leaseEnd, 100);
        long before = unsent();

        inTx(() -> ports.mailOutbox().markFailed(mail.id(), retryAt, "421 try again later"));

        assertThat(unsent()).isEqualTo(before);
        assertThat(claimIds(retryAt.minusSeconds(1), retryAt.plusSeconds(30), 100))
                .doesNotContain(mail.id());
        List<OutboxMail> retried = claim(retryAt, retryAt.plusSeconds(30), 100);
        assertThat(retried)
                .filteredOn(m -> m.id().equals(mail.id()))
                .singleElement()
                .extracting(OutboxMail::attempts)
                .isEqualTo(1);
    }

    @Test
    void attemptsAddUpOverFailures() {
        OutboxMail mail = queued(TestData.now().minusSeconds(10));
        Instant at = TestData.now();
        for (int attempt = 0; attempt < 3; attempt++) {
            claim(at, at.plusSeconds(30), 100);
            Instant retryAt = at.plusSeconds(60);
            inTx(() -> ports.mailOutbox().markFailed(mail.id(), retryAt, "refused"));
            at = retryAt;
        }

        assertThat(claim(at, at.plusSeconds(30), 100))
                .filteredOn(m -> m.id().equals(mail.id()))
                .singleElement()
                .extracting(OutboxMail::attempts)
                .isEqualTo(3);
    }

    @Test
    void concurrentClaimsNeverHandOneMailToTwoSenders() {
        List<UUID> mine = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            mine.add(queued(TestData.now().minusSeconds(10)).id());
        }
        Instant now = TestData.now();
        int senders = 10;

        List<List<UUID>> claims = Concurrently.run(senders, () -> claimIds(now, now.plusSeconds(60), 3));

        List<UUID> claimedOfMine =
                claims.stream().flatMap(List::stream).filter(mine::contains).toList();
        assertThat(claimedOfMine).doesNotHaveDuplicates();
        assertThat(claimedOfMine).hasSizeGreaterThanOrEqualTo(Math.min(mine.size(), 3));
    }

    private OutboxMail queued(Instant createdAt) {
        OutboxMail mail = TestData.mail(createdAt);
        assertThat(inTx(() -> ports.mailOutbox().enqueueIfAbsent(mail))).isTrue();
        return mail;
    }

    private List<OutboxMail> claim(Instant now, Instant leaseUntil, int limit) {
        return inTx(() -> ports.mailOutbox().claimDue(now, leaseUntil, limit));
    }

    private List<UUID> claimIds(Instant now, Instant leaseUntil, int limit) {
        return claim(now, leaseUntil, limit).stream().map(OutboxMail::id).toList();
    }

    private long unsent() {
        return inTx(() -> ports.mailOutbox().countUnsent());
    }

    @Test
    void purgeDeletesMailSentBeforeTheCutoffAndNeverUnsentMail() {
        Instant cutoff = TestData.now().minus(Duration.ofDays(30));
        OutboxMail sentLongAgo = queued(cutoff.minus(Duration.ofDays(1)));
        OutboxMail sentRecently = queued(cutoff.minus(Duration.ofDays(1)));
        OutboxMail neverSent = queued(cutoff.minus(Duration.ofDays(10)));
        inTx(() -> {
            ports.mailOutbox().markSent(sentLongAgo.id(), cutoff.minusSeconds(1));
            ports.mailOutbox().markSent(sentRecently.id(), cutoff.plusSeconds(1));
        });
        long unsentBefore = unsent();

        int deleted =
                Purging.drain(ports.transactions(), () -> ports.mailOutbox().deleteSentBefore(cutoff, 1_000));

        assertThat(deleted).isEqualTo(1);
        assertThat(unsent()).isEqualTo(unsentBefore);
        assertThat(claimIds(TestData.now(), TestData.now().plusSeconds(60), 1_000))
                .contains(neverSent.id());
        // The recent one is still there: its dedupe key still refuses a second mail.
        assertThat(inTx(() -> ports.mailOutbox().enqueueIfAbsent(withDedupeKey(sentRecently))))
                .isFalse();
        assertThat(inTx(() -> ports.mailOutbox().enqueueIfAbsent(withDedupeKey(sentLongAgo))))
                .isTrue();
    }

    @Test
    void concurrentPurgesDeleteEachSentMailOnceWithoutError() {
        Instant cutoff = TestData.now().minus(Duration.ofDays(30));
        Purging.drain(ports.transactions(), () -> ports.mailOutbox().deleteSentBefore(cutoff, 1_000));
        int mails = 40;
        inTx(() -> {
            for (int i = 0; i < mails; i++) {
                OutboxMail mail = TestData.mail(cutoff.minus(Duration.ofDays(1)));
                ports.mailOutbox().enqueueIfAbsent(mail);
                ports.mailOutbox().markSent(mail.id(), cutoff.minusSeconds(i + 1));
            }
        });

        List<Integer> perThread = Purging.drainConcurrently(
                8, ports.transactions(), () -> ports.mailOutbox().deleteSentBefore(cutoff, 3));

        assertThat(perThread.stream().mapToInt(Integer::intValue).sum()).isEqualTo(mails);
    }

    private static OutboxMail withDedupeKey(OutboxMail mail) {
        return new OutboxMail(
                UUID.randomUUID(),
                mail.dedupeKey(),
                mail.to(),
                mail.subject(),
                mail.textBody(),
                mail.htmlBody(),
                TestData.now(),
                0);
    }
}
