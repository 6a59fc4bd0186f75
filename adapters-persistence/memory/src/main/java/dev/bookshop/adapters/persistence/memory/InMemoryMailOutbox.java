package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.adapters.persistence.memory.InMemoryStore.OutboxRow;
import dev.bookshop.application.mail.port.out.MailOutbox;
import dev.bookshop.application.mail.port.out.OutboxMail;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The mail outbox in memory. A new mail is due at once; a failed one again at its retry time. */
final class InMemoryMailOutbox implements MailOutbox {

    private static final Comparator<OutboxRow> DUE_ORDER = Comparator.comparing(OutboxRow::nextAttemptAt)
            .thenComparing(r -> r.mail().createdAt())
            .thenComparing(r -> r.mail().id(), InMemoryStore.UUID_ORDER);

    private final InMemoryStore store;

    InMemoryMailOutbox(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public boolean enqueueIfAbsent(OutboxMail mail) {
        return store.locked(() -> {
            InMemoryStore.requireNewKey(store.outbox, mail.id(), "outbox mail");
            if (store.outbox.values().stream()
                    .anyMatch(r -> r.mail().dedupeKey().equals(mail.dedupeKey()))) {
                return false;
            }
            store.outbox.put(
                    mail.id(),
                    new OutboxRow(mail, mail.createdAt(), Optional.empty(), Optional.empty(), Optional.empty()));
            return true;
        });
    }

    @Override
    public List<OutboxMail> claimDue(Instant now, Instant leaseUntil, int limit) {
        return store.locked(() -> {
            List<OutboxRow> due = store.outbox.values().stream()
                    .filter(r -> r.sentAt().isEmpty())
                    .filter(r -> !r.nextAttemptAt().isAfter(now))
                    .filter(r -> r.leaseUntil().map(l -> !l.isAfter(now)).orElse(true))
                    .sorted(DUE_ORDER)
                    .limit(limit)
                    .toList();
            for (OutboxRow row : due) {
                store.outbox.put(
                        row.mail().id(),
                        new OutboxRow(
                                row.mail(),
                                row.nextAttemptAt(),
                                Optional.of(leaseUntil),
                                row.sentAt(),
                                row.lastError()));
            }
            return due.stream().map(OutboxRow::mail).toList();
        });
    }

    @Override
    public void markSent(UUID id, Instant at) {
        store.locked(() -> {
            store.outbox.computeIfPresent(
                    id,
                    (key, row) -> new OutboxRow(
                            row.mail(), row.nextAttemptAt(), Optional.empty(), Optional.of(at), row.lastError()));
        });
    }

    @Override
    public void markFailed(UUID id, Instant retryAt, String error) {
        store.locked(() -> {
            store.outbox.computeIfPresent(id, (key, row) -> {
                OutboxMail mail = row.mail();
                OutboxMail retried = new OutboxMail(
                        mail.id(),
                        mail.dedupeKey(),
                        mail.to(),
                        mail.subject(),
                        mail.textBody(),
                        mail.htmlBody(),
                        mail.createdAt(),
                        mail.attempts() + 1);
                return new OutboxRow(retried, retryAt, Optional.empty(), row.sentAt(), Optional.ofNullable(error));
            });
        });
    }

    @Override
    public long countUnsent() {
        return store.locked(() ->
                store.outbox.values().stream().filter(r -> r.sentAt().isEmpty()).count());
    }

    @Override
    public int deleteSentBefore(Instant cutoff, int limit) {
        return store.locked(() -> InMemoryStore.deleteWhere(
                store.outbox,
                row -> row.sentAt().map(sent -> sent.isBefore(cutoff)).orElse(false),
                limit));
    }
}
