package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.order.port.out.OrderEventRepository;
import dev.bookshop.domain.order.OrderEvent;
import dev.bookshop.domain.order.OrderId;
import java.util.Comparator;
import java.util.List;

/** The orders' audit trail in memory: append-only. */
final class InMemoryOrderEventRepository implements OrderEventRepository {

    private final InMemoryStore store;

    InMemoryOrderEventRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void append(OrderEvent event) {
        store.locked(() -> {
            InMemoryStore.requireReference(store.orders.containsKey(event.orderId()), "order " + event.orderId());
            store.orderEvents.put(store.nextEventSequence(), event);
        });
    }

    @Override
    public List<OrderEvent> findByOrder(OrderId orderId) {
        // The table iterates in append order and the sort is stable, so events of one instant keep that order.
        return store.locked(() -> store.orderEvents.values().stream()
                .filter(e -> e.orderId().equals(orderId))
                .sorted(Comparator.comparing(OrderEvent::at))
                .toList());
    }
}
