package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderEventType;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.user.User;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every adapter's {@code OrderEventRepository} must do: an append-only trail, read oldest first. */
public abstract class OrderEventRepositoryContract extends PersistenceContract {

    @Test
    void roundTripsEveryField() {
        Order order = givenPendingOrder();
        OrderEvent event = new OrderEvent(
                order.id(), OrderEventType.AMOUNT_MISMATCH, "paid 1000 EUR, expected 1250 EUR", TestData.now());

        inTx(() -> ports.orderEvents().append(event));

        assertThat(inTx(() -> ports.orderEvents().findByOrder(order.id()))).containsExactly(event);
    }

    @Test
    void keepsAnEmptyDetail() {
        Order order = givenPendingOrder();
        OrderEvent event = new OrderEvent(order.id(), OrderEventType.PLACED, null, TestData.now());

        inTx(() -> ports.orderEvents().append(event));

        assertThat(inTx(() -> ports.orderEvents().findByOrder(order.id())))
                .singleElement()
                .extracting(OrderEvent::detail)
                .isEqualTo("");
    }

    @Test
    void readsAnOrdersEventsOldestFirstWhateverTheAppendOrder() {
        Order order = givenPendingOrder();
        Instant base = TestData.now();
        OrderEvent placed = new OrderEvent(order.id(), OrderEventType.PLACED, "", base);
        OrderEvent started = new OrderEvent(order.id(), OrderEventType.PAYMENT_STARTED, "pi_1", base.plusMillis(5));
        OrderEvent paid = new OrderEvent(order.id(), OrderEventType.PAID, "", base.plusSeconds(40));

        inTx(() -> {
            ports.orderEvents().append(placed);
            ports.orderEvents().append(paid);
        });
        inTx(() -> ports.orderEvents().append(started));

        assertThat(inTx(() -> ports.orderEvents().findByOrder(order.id()))).containsExactly(placed, started, paid);
    }

    @Test
    void keepsEachOrdersEventsApart() {
        Order order = givenPendingOrder();
        Order other = givenPendingOrder();
        OrderEvent mine = new OrderEvent(order.id(), OrderEventType.PLACED, "", TestData.now());
        OrderEvent theirs = new OrderEvent(other.id(), OrderEventType.PLACED, "", TestData.now());

        inTx(() -> {
            ports.orderEvents().append(mine);
            ports.orderEvents().append(theirs);
        });

        assertThat(inTx(() -> ports.orderEvents().findByOrder(order.id()))).containsExactly(mine);
        assertThat(inTx(() -> ports.orderEvents().findByOrder(OrderId.of(UUID.randomUUID()))))
                .isEmpty();
    }

    @Test
    void keepsRepeatedEventsOfOneKind() {
        Order order = givenPendingOrder();
        Instant base = TestData.now();
        OrderEvent first = new OrderEvent(order.id(), OrderEventType.REFUND_FAILED, "timeout", base);
        OrderEvent second = new OrderEvent(order.id(), OrderEventType.REFUND_FAILED, "timeout", base.plusSeconds(1));

        inTx(() -> {
            ports.orderEvents().append(first);
            ports.orderEvents().append(second);
        });

        assertThat(inTx(() -> ports.orderEvents().findByOrder(order.id()))).containsExactly(first, second);
    }

    private Order givenPendingOrder() {
        User user = givenUser();
        return givenOrder(TestData.order(user.id(), TestData.now(), TestData.orphanItem("Book", 100, 1)));
    }
}
