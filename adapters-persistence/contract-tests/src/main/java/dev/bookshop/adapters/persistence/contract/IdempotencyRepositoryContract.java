package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.order.port.out.IdempotencyRecord;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.user.User;
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
}
