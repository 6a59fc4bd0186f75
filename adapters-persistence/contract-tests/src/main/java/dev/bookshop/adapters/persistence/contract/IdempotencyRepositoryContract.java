package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.order.port.out.IdempotencyRecord;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/** What every adapter's {@code IdempotencyRepository} must do: a checkout key is used once per user. */
public abstract class IdempotencyRepositoryContract extends PersistenceContract {

    @Test
    void roundTripsEveryField() {
        User user = givenUser();
        IdempotencyRecord record = record(user, key(), "fingerprint-" + TestData.word());

        boolean inserted = inTx(() -> ports.idempotency().insertIfAbsent(record));

        assertThat(inserted).isTrue();
        assertThat(inTx(() -> ports.idempotency().find(user.id(), record.key())))
                .contains(record);
    }

    @Test
    void findsNothingForAnUnusedKey() {
        User user = givenUser();
        inTx(() -> ports.idempotency().insertIfAbsent(record(user, key(), "f")));

        assertThat(inTx(() -> ports.idempotency().find(user.id(), key()))).isEmpty();
    }

    @Test
    void refusesAUsersKeySecondTimeAndKeepsTheFirstRecord() {
        User user = givenUser();
        IdempotencyKey key = key();
        IdempotencyRecord first = record(user, key, "first cart");
        IdempotencyRecord second = record(user, key, "second cart");
        inTx(() -> ports.idempotency().insertIfAbsent(first));

        boolean inserted = inTx(() -> ports.idempotency().insertIfAbsent(second));

        assertThat(inserted).isFalse();
        assertThat(inTx(() -> ports.idempotency().find(user.id(), key))).contains(first);
    }

    @Test
    void keysAreUniquePerUserOnly() {
        User ann = givenUser();
        User bob = givenUser();
        IdempotencyKey key = key();
        IdempotencyRecord anns = record(ann, key, "ann's cart");
        IdempotencyRecord bobs = record(bob, key, "bob's cart");

        boolean annInserted = inTx(() -> ports.idempotency().insertIfAbsent(anns));
        boolean bobInserted = inTx(() -> ports.idempotency().insertIfAbsent(bobs));

        assertThat(annInserted).isTrue();
        assertThat(bobInserted).isTrue();
        assertThat(inTx(() -> ports.idempotency().find(ann.id(), key))).contains(anns);
        assertThat(inTx(() -> ports.idempotency().find(bob.id(), key))).contains(bobs);
    }

    @Test
    void concurrentUsesOfOneKeyLetExactlyOneWin() {
        User user = givenUser();
        IdempotencyKey key = key();
        int threads = 20;
        ConcurrentLinkedQueue<IdempotencyRecord> records = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < threads; i++) {
            records.add(record(user, key, "cart " + i));
        }

        List<IdempotencyRecord> winners = new ArrayList<>();
        List<Boolean> answers = Concurrently.run(threads, () -> {
            IdempotencyRecord mine = records.poll();
            boolean won = inTx(() -> ports.idempotency().insertIfAbsent(mine));
            if (won) {
                synchronized (winners) {
                    winners.add(mine);
                }
            }
            return won;
        });

        assertThat(answers).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(inTx(() -> ports.idempotency().find(user.id(), key))).contains(winners.getFirst());
    }

    private IdempotencyRecord record(User user, IdempotencyKey key, String fingerprint) {
        Order order = givenOrder(TestData.order(user.id(), TestData.now(), TestData.orphanItem("Book", 100, 1)));
        return new IdempotencyRecord(user.id(), key, fingerprint, order.id(), TestData.now());
    }

    private static IdempotencyKey key() {
        return new IdempotencyKey("checkout-" + TestData.word());
    }

    @Test
    void purgeDeletesKeysFirstUsedBeforeTheCutoffAndKeepsTheRestAndTheOrders() {
        User user = givenUser();
        Instant cutoff = TestData.now().minus(Duration.ofDays(1));
        IdempotencyRecord old = recordAt(user, cutoff.minusSeconds(1));
        IdempotencyRecord recent = recordAt(user, cutoff.plusSeconds(1));
        inTx(() -> {
            ports.idempotency().insertIfAbsent(old);
            ports.idempotency().insertIfAbsent(recent);
        });

        int deleted =
                Purging.drain(ports.transactions(), () -> ports.idempotency().deleteCreatedBefore(cutoff, 1_000));

        assertThat(deleted).isEqualTo(1);
        assertThat(inTx(() -> ports.idempotency().find(user.id(), old.key()))).isEmpty();
        assertThat(inTx(() -> ports.idempotency().find(user.id(), recent.key())))
                .contains(recent);
        assertThat(inTx(() -> ports.orders().findById(old.orderId()))).isPresent();
    }

    @Test
    void purgeDeletesAtMostTheLimitPerCall() {
        User user = givenUser();
        Instant cutoff = TestData.now().minus(Duration.ofDays(1));
        for (int i = 0; i < 3; i++) {
            IdempotencyRecord old = recordAt(user, cutoff.minusSeconds(60 + i));
            inTx(() -> ports.idempotency().insertIfAbsent(old));
        }

        assertThat(inTx(() -> ports.idempotency().deleteCreatedBefore(cutoff, 2)))
                .isEqualTo(2);
        assertThat(inTx(() -> ports.idempotency().deleteCreatedBefore(cutoff, 2)))
                .isEqualTo(1);
    }

    @Test
    void concurrentPurgesDeleteEachKeyOnceWithoutError() {
        User user = givenUser();
        Instant cutoff = TestData.now().minus(Duration.ofDays(1));
        Purging.drain(ports.transactions(), () -> ports.idempotency().deleteCreatedBefore(cutoff, 1_000));
        int keys = 40;
        List<IdempotencyRecord> old = new ArrayList<>();
        for (int i = 0; i < keys; i++) {
            old.add(recordAt(user, cutoff.minusSeconds(i + 1)));
        }
        inTx(() -> old.forEach(ports.idempotency()::insertIfAbsent));

        List<Integer> perThread = Purging.drainConcurrently(
                8, ports.transactions(), () -> ports.idempotency().deleteCreatedBefore(cutoff, 3));

        assertThat(perThread.stream().mapToInt(Integer::intValue).sum()).isEqualTo(keys);
        assertThat(inTx(() -> ports.idempotency().find(user.id(), old.getLast().key())))
                .isEmpty();
    }

    private IdempotencyRecord recordAt(User user, Instant createdAt) {
        Order order = givenOrder(TestData.order(user.id(), createdAt, TestData.orphanItem("Book", 100, 1)));
        return new IdempotencyRecord(user.id(), key(), "f", order.id(), createdAt);
    }
}
