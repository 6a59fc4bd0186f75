package dev.bookshop.application.housekeeping.service;

import dev.bookshop.application.housekeeping.port.in.PurgeExpiredDataUseCase;
import dev.bookshop.application.housekeeping.port.in.PurgeReport;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs each purge in batches of its own transaction until a batch comes back short. Every instance may run it at the
 * same time: each batch skips the rows another one holds, so the instances share the work, never wait on each other
 * (nor on a request that holds a row), and never count a row twice. Rows a batch skipped are deleted by a later round.
 */
public final class HousekeepingService implements PurgeExpiredDataUseCase {

    /** Bounds one round (a million rows at the default batch): a huge backlog is worked off over several rounds. */
    static final int MAX_BATCHES_PER_PURGE = 1_000;

    private final TransactionRunner transactions;
    private final List<Purge> purges;
    private final Clock clock;
    private final int batchSize;

    public HousekeepingService(TransactionRunner transactions, List<Purge> purges, Clock clock, int batchSize) {
        this.transactions = Objects.requireNonNull(transactions);
        this.purges = List.copyOf(purges);
        this.clock = Objects.requireNonNull(clock);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        this.batchSize = batchSize;
    }

    /**
     * What the shop deletes, and when. A feature that stores something with an end of life adds its purge here
     * (as idle guest carts are).
     */
    public static List<Purge> standardPurges(
            PersistencePorts store, Retention retention, Duration sessionMaxAge, Duration guestCartTtl) {
        Objects.requireNonNull(sessionMaxAge);
        Objects.requireNonNull(guestCartTtl);
        return List.of(
                // Only whole dead families go: a rotated token of a live session is what reveals a thief replaying it.
                Purge.of(
                        "refresh tokens",
                        (now, limit) -> store.refreshTokens().deleteDeadFamilies(now, now.minus(sessionMaxAge), limit)),
                Purge.of(
                        "processed payment events",
                        (now, limit) -> store.processedEvents()
                                .deleteProcessedBefore(now.minus(retention.processedEvents()), limit)),
                Purge.of(
                        "idempotency keys",
                        (now, limit) ->
                                store.idempotency().deleteCreatedBefore(now.minus(retention.idempotencyKeys()), limit)),
                Purge.of(
                        "sent mails",
                        (now, limit) -> store.mailOutbox().deleteSentBefore(now.minus(retention.sentMail()), limit)),
                // A used or expired reset or address link can never work again; keeping it only keeps its hash.
                Purge.of("account tokens", (now, limit) -> store.accountTokens().deleteUsedOrExpiredBefore(now, limit)),
                // An idle guest cart is refused already; only its rows are left, holding nothing anyone can reach.
                Purge.of(
                        "guest carts",
                        (now, limit) -> store.guestCarts().deleteIdleBefore(now.minus(guestCartTtl), limit)));
    }

    @Override
    public PurgeReport purgeExpired() {
        // One instant for the whole round: nothing becomes due while the round runs, so the loops end.
        Instant now = clock.instant();
        List<PurgeReport.Purged> purged = new ArrayList<>(purges.size());
        for (Purge purge : purges) {
            long rows = 0;
            for (int batch = 0; batch < MAX_BATCHES_PER_PURGE; batch++) {
                int deleted = transactions.inTransaction(() -> purge.deleteBatch(now, batchSize));
                rows += deleted;
                if (deleted < batchSize) {
                    break;
                }
            }
            purged.add(new PurgeReport.Purged(purge.what(), rows));
        }
        return new PurgeReport(purged);
    }
}
