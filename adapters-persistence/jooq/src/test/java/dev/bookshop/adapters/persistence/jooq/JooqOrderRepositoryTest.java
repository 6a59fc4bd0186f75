package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.Fixtures.EUR;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.T0;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.order;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.storedBook;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.storedUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.order.query.OrderQuery;
import dev.bookshop.application.order.query.OrderWithCustomer;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.common.Money;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.User;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JooqOrderRepositoryTest extends DatabaseTest {

    @Test
    void stores_an_order_with_its_items_in_order_and_updates_its_payment() {
        User ann = storedUser(ports, "ann@example.com");
        var dune = storedBook(ports, "Dune", 5);
        var emma = storedBook(ports, "Emma", 5);
        Order order = Order.place(
                OrderId.of(UUID.randomUUID()),
                ann.id(),
                List.of(
                        new OrderItem(Optional.of(emma.id()), "Emma", Money.ofCents(700), Quantity.of(1)),
                        new OrderItem(Optional.empty(), "A gone book", Money.ofCents(300), Quantity.of(2)),
                        new OrderItem(Optional.of(dune.id()), "Dune", Money.ofCents(999), Quantity.of(3))),
                EUR,
                T0);
        ports.orders().insert(order);
        assertThat(ports.orders().findById(order.id())).contains(order);

        Order paid = order.withPaymentReference("pi_123").markPaid(T0.plusSeconds(5));
        ports.transactions().inTransaction(() -> {
            ports.orders().findByIdForUpdate(order.id()).orElseThrow();
            ports.orders().update(paid);
        });

        assertThat(ports.orders().findById(order.id())).contains(paid);
        assertThat(ports.orders().findByPaymentReferenceForUpdate("pi_123")).contains(paid);
        assertThat(ports.orders().findByPaymentReferenceForUpdate("pi_other")).isEmpty();
    }

    @Test
    void lists_a_users_orders_newest_first_and_all_orders_with_the_customer_email() {
        User ann = storedUser(ports, "ann@example.com");
        User bob = storedUser(ports, "bob@example.com");
        var book = storedBook(ports, "Dune", 50);
        Order oldest = order(ann, book, 1, T0);
        Order middle = order(bob, book, 2, T0.plusSeconds(10));
        Order newest = order(ann, book, 3, T0.plusSeconds(20)).markFailed();
        List.of(oldest, middle, newest).forEach(ports.orders()::insert);

        var annsOrders = ports.orders().findByUser(ann.id(), PageRequest.first());
        var all = ports.orders().findAll(new OrderQuery(Optional.empty(), Optional.empty(), PageRequest.of(1, 2)));
        var annsPending = ports.orders()
                .findAll(new OrderQuery(Optional.of(OrderStatus.PENDING), Optional.of(ann.id()), PageRequest.first()));

        assertThat(annsOrders.items()).containsExactly(newest, oldest);
        assertThat(annsOrders.total()).isEqualTo(2);
        assertThat(all.items())
                .containsExactly(
                        new OrderWithCustomer(newest, ann.email()), new OrderWithCustomer(middle, bob.email()));
        assertThat(all.total()).isEqualTo(3);
        assertThat(annsPending.items()).containsExactly(new OrderWithCustomer(oldest, ann.email()));
        assertThat(ports.orders().findByUser(bob.id(), PageRequest.of(2, 10)).total())
                .isEqualTo(1);
    }

    @Test
    void locks_old_pending_orders_and_counts_by_status() {
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
    void a_locked_pending_order_is_skipped_by_a_concurrent_sweep() throws Exception {
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
