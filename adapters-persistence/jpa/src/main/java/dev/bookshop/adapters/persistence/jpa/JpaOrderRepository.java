package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.order.port.out.OrderRepository;
import dev.bookshop.application.order.query.OrderQuery;
import dev.bookshop.application.order.query.OrderWithCustomer;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderId;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.UserId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Orders in {@code orders}, item snapshots in {@code order_items}. Lists read their page of orders in one query and
 * the items of all of them in a second; locking reads lock the order rows alone, never the items.
 */
final class JpaOrderRepository implements OrderRepository {

    private final JpaTransactionRunner transactions;

    JpaOrderRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(Order order) {
        transactions.run(em -> em.persist(OrderMapper.toNewEntity(order)));
    }

    @Override
    public void update(Order order) {
        transactions.run(em -> em.createQuery("""
                        update OrderEntity o
                        set o.status = :status, o.paymentReference = :paymentReference, o.paidAt = :paidAt
                        where o.id = :id""")
                .setParameter("status", order.status().name())
                .setParameter("paymentReference", order.paymentReference().orElse(null))
                .setParameter("paidAt", order.paidAt().orElse(null))
                .setParameter("id", order.id().value())
                .executeUpdate());
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return transactions.call(em -> first(
                em,
                em.createQuery("select o from OrderEntity o where o.id = :id", OrderEntity.class)
                        .setParameter("id", id.value())));
    }

    @Override
    public Optional<Order> findByIdForUpdate(OrderId id) {
        return transactions.call(em -> first(
                em,
                em.createQuery("select o from OrderEntity o where o.id = :id", OrderEntity.class)
                        .setParameter("id", id.value())
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)));
    }

    @Override
    public Optional<Order> findByPaymentReferenceForUpdate(String paymentReference) {
        return transactions.call(em -> first(
                em,
                em.createQuery("select o from OrderEntity o where o.paymentReference = :reference", OrderEntity.class)
                        .setParameter("reference", paymentReference)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE)));
    }

    private static Optional<Order> first(EntityManager em, TypedQuery<OrderEntity> query) {
        return withItems(em, query.getResultList()).stream().findFirst();
    }

    @Override
    public Page<Order> findByUser(UserId userId, PageRequest page) {
        return transactions.call(em -> {
            List<OrderEntity> rows = Paging.page(
                    em.createQuery(
                                    "select o from OrderEntity o where o.userId = :userId"
                                            + " order by o.createdAt desc, o.id",
                                    OrderEntity.class)
                            .setParameter("userId", userId.value()),
                    page);
            long total = Paging.total(
                    rows.size(),
                    page,
                    () -> em.createQuery("select count(o) from OrderEntity o where o.userId = :userId", Long.class)
                            .setParameter("userId", userId.value())
                            .getSingleResult());
            return Page.of(withItems(em, rows), page, total);
        });
    }

    @Override
    public Page<OrderWithCustomer> findAll(OrderQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        query.status().ifPresent(status -> {
            conditions.add("o.status = :status");
            parameters.put("status", status.name());
        });
        query.userId().ifPresent(user -> {
            conditions.add("o.userId = :userId");
            parameters.put("userId", user.value());
        });
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        PageRequest page = query.page();
        return transactions.call(em -> {
            TypedQuery<Tuple> select = em.createQuery(
                    "select o as order, u.email as email from OrderEntity o join UserEntity u on u.id = o.userId"
                            + where + " order by o.createdAt desc, o.id",
                    Tuple.class);
            bind(select, parameters);
            List<Tuple> rows = Paging.page(select, page);
            long total = Paging.total(rows.size(), page, () -> {
                TypedQuery<Long> count = em.createQuery("select count(o) from OrderEntity o" + where, Long.class);
                bind(count, parameters);
                return count.getSingleResult();
            });
            List<Order> orders = withItems(
                    em,
                    rows.stream()
                            .map(row -> row.get("order", OrderEntity.class))
                            .toList());
            List<OrderWithCustomer> items = new ArrayList<>(orders.size());
            for (int i = 0; i < orders.size(); i++) {
                items.add(new OrderWithCustomer(
                        orders.get(i), new Email(rows.get(i).get("email", String.class))));
            }
            return Page.of(items, page, total);
        });
    }

    private static void bind(Query query, Map<String, Object> parameters) {
        parameters.forEach(query::setParameter);
    }

    @Override
    public List<Order> lockPendingCreatedBefore(Instant cutoff, int limit) {
        // Several instances sweeping at once each take different orders.
        return transactions.call(em -> withItems(
                em,
                Locking.skippingLocked(em.createQuery(
                                "select o from OrderEntity o where o.status = :status and o.createdAt < :cutoff"
                                        + " order by o.createdAt, o.id",
                                OrderEntity.class)
                        .setParameter("status", OrderStatus.PENDING.name())
                        .setParameter("cutoff", cutoff)
                        .setMaxResults(limit))));
    }

    @Override
    public long countPendingByUser(UserId userId) {
        return transactions.call(em -> em.createQuery(
                        "select count(o) from OrderEntity o where o.userId = :userId and o.status = :status",
                        Long.class)
                .setParameter("userId", userId.value())
                .setParameter("status", OrderStatus.PENDING.name())
                .getSingleResult());
    }

    @Override
    public Map<OrderStatus, Long> countByStatus() {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status, 0L);
        }
        transactions.run(em -> em.createQuery(
                        "select o.status as status, count(o) as orders from OrderEntity o group by o.status",
                        Tuple.class)
                .getResultStream()
                .forEach(row -> counts.put(
                        OrderStatus.valueOf(row.get("status", String.class)), row.get("orders", Long.class))));
        return counts;
    }

    /**
     * The orders, in the given order, with their items fetched for all of them in one query (which fills in the item
     * lists of the entities already read).
     */
    private static List<Order> withItems(EntityManager em, List<OrderEntity> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        em.createQuery("select o from OrderEntity o left join fetch o.items where o.id in :ids", OrderEntity.class)
                .setParameter("ids", orders.stream().map(order -> order.id).toList())
                .getResultList();
        return orders.stream().map(OrderMapper::toDomain).toList();
    }
}
