package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.order.port.out.OrderRepository;
import dev.bookshop.application.order.query.OrderQuery;
import dev.bookshop.application.order.query.OrderWithCustomer;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderItem;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Orders in memory. Item snapshots live inside the immutable order; nothing here ever removes an order. */
final class InMemoryOrderRepository implements OrderRepository {

    private static final Comparator<Order> BY_ID = Comparator.comparing(o -> o.id().value(), InMemoryStore.UUID_ORDER);
    private static final Comparator<Order> NEWEST_FIRST =
            Comparator.comparing(Order::createdAt).reversed().thenComparing(BY_ID);
    private static final Comparator<Order> OLDEST_FIRST =
            Comparator.comparing(Order::createdAt).thenComparing(BY_ID);

    private final InMemoryStore store;

    InMemoryOrderRepository(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void insert(Order order) {
        store.locked(() -> {
            InMemoryStore.requireNewKey(store.orders, order.id(), "order");
            InMemoryStore.requireReference(store.users.containsKey(order.userId()), "user " + order.userId());
            for (OrderItem item : order.items()) {
                item.productId()
                        .ifPresent(
                                id -> InMemoryStore.requireReference(store.products.containsKey(id), "product " + id));
            }
            store.orders.put(order.id(), order);
        });
    }

    @Override
    public void update(Order order) {
        store.locked(() -> {
            Order stored = store.orders.get(order.id());
            if (stored == null) {
                throw new IllegalStateException("no order " + order.id() + " to update");
            }
            // Only the state moves: what was fixed at checkout stays as it was stored, as on the database adapters.
            store.orders.put(order.id(), stored.withStateOf(order));
        });
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return store.locked(() -> Optional.ofNullable(store.orders.get(id)));
    }

    @Override
    public Optional<Order> findByIdForUpdate(OrderId id) {
        return findById(id);
    }

    @Override
    public Optional<Order> findByPaymentReferenceForUpdate(String paymentReference) {
        return store.locked(() -> store.orders.values().stream()
                .filter(o ->
                        o.paymentReference().filter(paymentReference::equals).isPresent())
                .findFirst());
    }

    @Override
    public Page<Order> findByUser(UserId userId, PageRequest page) {
        return store.locked(() -> Page.slice(
                store.orders.values().stream()
                        .filter(o -> o.belongsTo(userId))
                        .sorted(NEWEST_FIRST)
                        .toList(),
                page));
    }

    @Override
    public Page<OrderWithCustomer> findAll(OrderQuery query) {
        return store.locked(() -> Page.slice(
                        store.orders.values().stream()
                                .filter(o ->
                                        query.status().map(s -> o.status() == s).orElse(true))
                                .filter(o -> query.userId().map(o::belongsTo).orElse(true))
                                .sorted(NEWEST_FIRST)
                                .toList(),
                        query.page())
                .map(o -> new OrderWithCustomer(o, store.users.get(o.userId()).email())));
    }

    @Override
    public List<Order> lockPendingCreatedBefore(Instant cutoff, int limit) {
        return store.locked(() -> store.orders.values().stream()
                .filter(o -> o.isAwaitingPaymentSince(cutoff))
                .sorted(OLDEST_FIRST)
                .limit(limit)
                .toList());
    }

    @Override
    public long countPendingByUser(UserId userId) {
        return store.locked(() -> store.orders.values().stream()
                .filter(o -> o.belongsTo(userId) && o.isAwaitingPayment())
                .count());
    }

    @Override
    public Map<OrderStatus, Long> countByStatus() {
        return store.locked(() -> {
            Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
            for (OrderStatus status : OrderStatus.values()) {
                counts.put(status, 0L);
            }
            store.orders.values().forEach(o -> counts.merge(o.status(), 1L, Long::sum));
            return counts;
        });
    }
}
