package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.Fixtures.T0;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.order;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.storedBook;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.storedUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.order.port.out.IdempotencyRecord;
import dev.bookshop.domain.order.IdempotencyKey;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderEventType;
import dev.bookshop.domain.user.User;
import org.junit.jupiter.api.Test;

/** The small stores around orders: audit trail, checkout keys, processed payment events. */
class JooqOrderSideRepositoriesTest extends DatabaseTest {

    @Test
    void appendsOrderEventsAndReadsThemOldestFirst() {
        User ann = storedUser(ports, "ann@example.com");
        Order order = order(ann, storedBook(ports, "Dune", 5), 1, T0);
        ports.orders().insert(order);
        OrderEvent placed = new OrderEvent(order.id(), OrderEventType.PLACED, null, T0);
        OrderEvent started = new OrderEvent(order.id(), OrderEventType.PAYMENT_STARTED, "pi_1", T0);
        OrderEvent paid = new OrderEvent(order.id(), OrderEventType.PAID, "", T0.plusSeconds(3));

        ports.orderEvents().append(paid);
        ports.orderEvents().append(placed);
        ports.orderEvents().append(started);

        assertThat(ports.orderEvents().findByOrder(order.id())).containsExactly(placed, started, paid);
    }

    @Test
    void recordsACheckoutKeyOncePerUserEvenBeforeItsOrderIsWritten() {
        User ann = storedUser(ports, "ann@example.com");
        User bob = storedUser(ports, "bob@example.com");
        Order order = order(ann, storedBook(ports, "Dune", 5), 1, T0);
        Order bobsOrder = order(bob, storedBook(ports, "Emma", 5), 1, T0);
        IdempotencyKey key = new IdempotencyKey("key-1");
        var record = new IdempotencyRecord(ann.id(), key, "fingerprint", order.id(), T0);

        ports.transactions().inTransaction(() -> {
            assertThat(ports.idempotency().insertIfAbsent(record)).isTrue();
            ports.orders().insert(order);
        });
        ports.orders().insert(bobsOrder);

        assertThat(ports.idempotency().insertIfAbsent(new IdempotencyRecord(ann.id(), key, "other", order.id(), T0)))
                .isFalse();
        assertThat(ports.idempotency().insertIfAbsent(new IdempotencyRecord(bob.id(), key, "b", bobsOrder.id(), T0)))
                .isTrue();
        assertThat(ports.idempotency().find(ann.id(), key)).contains(record);
        assertThat(ports.idempotency().find(ann.id(), new IdempotencyKey("key-2")))
                .isEmpty();
    }

    @Test
    void marksAPaymentEventProcessedOnce() {
        assertThat(ports.processedEvents().markProcessed("stripe", "evt_1", T0)).isTrue();
        assertThat(ports.processedEvents().markProcessed("stripe", "evt_1", T0.plusSeconds(1)))
                .isFalse();
        assertThat(ports.processedEvents().markProcessed("fake", "evt_1", T0)).isTrue();
    }
}
