package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.Fixtures.T0;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.order;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.storedBook;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.storedUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.User;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JooqOrderRepositoryTest extends DatabaseTest {

    @Test
    void locksOldPendingOrdersAndCountsByStatus() {
        User ann = storedUser(ports, "ann@example.com");
        var book = storedBook(ports, "Dune", 50);
        Order old = order(ann, book, 1, T0);
        Order older = order(ann, book, 1, T0.minusSeconds(60));
        Order recent = order(ann, book, 1, T0.plusSeconds(3_600));
        Order paid = order(ann, book, 1, T0.minusSeconds(30)).markPaid(T0);
        List.of(old, older, recent, paid).forEach(ports.orders()::insert);

        List<Order> locked = ports.transactions()
                .inTransaction(() -> ports.orders().lockPendingCreatedBefore(T0.plusSeconds(1), 10));
        List<Order> limited =
                ports.transactions().inTransaction(() -> ports.orders().lockPendingCreatedBefore(T0.plusSeconds(1), 1));

        assertThat(locked).containsExactly(older, old);
        assertThat(limited).containsExactly(older);
        assertThat(ports.orders().countByStatus())
                .isEqualTo(Map.of(OrderStatus.PENDING, 3L, OrderStatus.PAID, 1L, OrderStatus.FAILED, 0L));
    }

    @Test
    void aLockedPendingOrderIsSkippedByAConcurrentSweep() throws Exception {
        User ann = storedUser(ports, "ann@example.com");
        var book = storedBook(ports, "Dune", 50);
        Order first = order(ann, book, 1, T0);
        Order second = order(ann, book, 1, T0.plusSeconds(1));
        ports.orders().insert(first);
        ports.orders().insert(second);

        List<Order> otherSweep = ports.transactions().inTransaction(() -> {
            ports.orders().findByIdForUpdate(first.id()).orElseThrow();
            // Another thread, so another transaction, sweeps while this one holds the first order.
            var other = new java.util.concurrent.FutureTask<>(() -> ports.transactions()
                    .inTransaction(() -> ports.orders().lockPendingCreatedBefore(T0.plusSeconds(60), 10)));
            Thread.ofPlatform().start(other);
            try {
                return other.get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(otherSweep).containsExactly(second);
    }
}
