package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every adapter's {@code ProcessedEventRepository} must do: an event is handled once per provider. */
public abstract class ProcessedEventRepositoryContract extends PersistenceContract {

    @Test
    void marksAnEventOnce() {
        String eventId = "evt_" + TestData.word();

        boolean first = inTx(() -> ports.processedEvents().markProcessed("stripe", eventId, TestData.now()));
        boolean again = inTx(() -> ports.processedEvents().markProcessed("stripe", eventId, TestData.now()));

        assertThat(first).isTrue();
        assertThat(again).isFalse();
    }

    @Test
    void tellsWhetherAnEventWasHandled() {
        String eventId = "evt_" + TestData.word();

        boolean before = inTx(() -> ports.processedEvents().isProcessed("stripe", eventId));
        inTx(() -> ports.processedEvents().markProcessed("stripe", eventId, TestData.now()));

        assertThat(before).isFalse();
        assertThat(inTx(() -> ports.processedEvents().isProcessed("stripe", eventId)))
                .isTrue();
        assertThat(inTx(() -> ports.processedEvents().isProcessed("other", eventId)))
                .isFalse();
    }

    @Test
    void eventIdsAreUniquePerProviderOnly() {
        String eventId = "evt_" + TestData.word();

        boolean stripe = inTx(() -> ports.processedEvents().markProcessed("stripe", eventId, TestData.now()));
        boolean fake = inTx(() -> ports.processedEvents().markProcessed("fake", eventId, TestData.now()));

        assertThat(stripe).isTrue();
        assertThat(fake).isTrue();
    }

    @Test
    void aRolledBackMarkIsForgotten() {
        String eventId = "evt_" + TestData.word();

        assertThatThrownBy(() -> inTx(() -> {
                    ports.processedEvents().markProcessed("stripe", eventId, TestData.now());
                    throw new IllegalStateException("handling the event failed, on purpose");
                }))
                .hasMessageContaining("on purpose");

        // The provider redelivers the event; it must count as unhandled.
        assertThat(inTx(() -> ports.processedEvents().markProcessed("stripe", eventId, TestData.now())))
                .isTrue();
    }

    @Test
    void concurrentDeliveriesOfOneEventLetExactlyOneHandleIt() {
        String eventId = "evt_" + TestData.word();
        int threads = 30;

        List<Boolean> answers = Concurrently.run(
                threads, () -> inTx(() -> ports.processedEvents().markProcessed("stripe", eventId, TestData.now())));

        assertThat(answers).filteredOn(Boolean::booleanValue).hasSize(1);
    }

    @Test
    void purgeDeletesEventsHandledBeforeTheCutoffAndKeepsTheRest() {
        Instant now = TestData.now();
        Instant cutoff = now.minus(Duration.ofDays(30));
        String old = "evt_" + TestData.word();
        String recent = "evt_" + TestData.word();
        inTx(() -> ports.processedEvents().markProcessed("stripe", old, cutoff.minusSeconds(1)));
        inTx(() -> ports.processedEvents().markProcessed("stripe", recent, cutoff.plusSeconds(1)));

        int deleted = Purging.drain(
                ports.transactions(), () -> ports.processedEvents().deleteProcessedBefore(cutoff, 1_000));

        assertThat(deleted).isEqualTo(1);
        assertThat(inTx(() -> ports.processedEvents().isProcessed("stripe", old)))
                .isFalse();
        assertThat(inTx(() -> ports.processedEvents().isProcessed("stripe", recent)))
                .isTrue();
    }

    @Test
    void purgeDeletesAtMostTheLimitPerCall() {
        Instant cutoff = TestData.now().minus(Duration.ofDays(30));
        for (int i = 0; i < 3; i++) {
            String id = "evt_" + TestData.word();
            inTx(() -> ports.processedEvents().markProcessed("stripe", id, cutoff.minusSeconds(60)));
        }

        assertThat(inTx(() -> ports.processedEvents().deleteProcessedBefore(cutoff, 2)))
                .isEqualTo(2);
        assertThat(inTx(() -> ports.processedEvents().deleteProcessedBefore(cutoff, 2)))
                .isEqualTo(1);
    }

    @Test
    void concurrentPurgesDeleteEachEventOnceWithoutError() {
        Instant cutoff = TestData.now().minus(Duration.ofDays(30));
        Purging.drain(ports.transactions(), () -> ports.processedEvents().deleteProcessedBefore(cutoff, 1_000));
        int events = 60;
        inTx(() -> {
            for (int i = 0; i < events; i++) {
                ports.processedEvents().markProcessed("stripe", "evt_" + TestData.word(), cutoff.minusSeconds(i + 1));
            }
        });

        List<Integer> perThread = Purging.drainConcurrently(
                8, ports.transactions(), () -> ports.processedEvents().deleteProcessedBefore(cutoff, 4));

        assertThat(perThread.stream().mapToInt(Integer::intValue).sum()).isEqualTo(events);
    }
}
