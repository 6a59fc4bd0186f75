package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.ORDERS;
import static dev.bookshop.adapters.persistence.jooq.generated.Tables.ORDER_ITEMS;
import static dev.bookshop.adapters.persistence.jooq.generated.Tables.USERS;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.OrderItemsRecord;
import dev.bookshop.adapters.persistence.jooq.generated.tables.records.OrdersRecord;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Orders in {@code orders}, item snapshots in {@code order_items}. Lists read their page of orders in one query and
 * the items of all of them in a second.
 */
final class JooqOrderRepository implements OrderRepository {

    /** An order's items, as a correlated subquery PostgreSQL answers as one JSON array. */
    private static final Field<Result<OrderItemsRecord>> ITEMS = DSL.multiset(
                    DSL.selectFrom(ORDER_ITEMS).where(ORDER_ITEMS.ORDER_ID.eq(ORDERS.ID)))
            .as("items");

    private final DSLContext dsl;

    // Run for every checkout and payment (see Prepared).
    /** The order with its items, locked: one round trip. Values: id. */
    private final Prepared lockWithItems;

    /** Values: status, payment reference, paid at, id. */
    private final Prepared updateState;

    JooqOrderRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.lockWithItems = Prepared.of(
                dsl,
                dsl.select(ORDERS.fields())
                        .select(ITEMS)
                        .from(ORDERS)
                        .where(ORDERS.ID.eq(DSL.param("id", UUID.class)))
                        .forUpdate()
                        .of(ORDERS));
        this.updateState = Prepared.of(
                dsl,
                dsl.update(ORDERS)
                        .set(ORDERS.STATUS, DSL.param("status", String.class))
                        .set(ORDERS.PAYMENT_REFERENCE, DSL.param("reference", String.class))
                        .set(ORDERS.PAID_AT, DSL.param("paidAt", Instant.class))
                        .where(ORDERS.ID.eq(DSL.param("id", UUID.class))));
    }

    @Override
    public void insert(Order order) {
        List<OrderItemsRecord> items = OrderMapper.toItemRecords(order);
        // The order and its items in one statement (one round trip at checkout instead of two).
        dsl.query(
                        """
                        with placed as ({0})
                        insert into order_items
                            (order_id, position, product_id, title_snapshot, unit_price_snapshot_cents, quantity,
                             discount_cents, tax_cents)
                        select {1}, item.position, item.product_id, item.title, item.price, item.quantity,
                               item.discount, item.tax
                        from unnest({2}, {3}, {4}, {5}, {6}, {7}, {8})
                            as item (position, product_id, title, price, quantity, discount, tax)""",
                        dsl.insertInto(ORDERS).set(OrderMapper.toRecord(order)),
                        DSL.val(order.id().value(), ORDERS.ID),
                        column(items, OrderItemsRecord::getPosition, Integer[]::new, SQLDataType.INTEGER),
                        column(items, OrderItemsRecord::getProductId, UUID[]::new, SQLDataType.UUID),
                        column(items, OrderItemsRecord::getTitleSnapshot, String[]::new, SQLDataType.CLOB),
                        column(items, OrderItemsRecord::getUnitPriceSnapshotCents, Long[]::new, SQLDataType.BIGINT),
                        column(items, OrderItemsRecord::getQuantity, Integer[]::new, SQLDataType.INTEGER),
                        column(items, OrderItemsRecord::getDiscountCents, Long[]::new, SQLDataType.BIGINT),
                        column(items, OrderItemsRecord::getTaxCents, Long[]::new, SQLDataType.BIGINT))
                .execute();
    }

    @Override
    public void update(Order order) {
        updateState.execute(
                dsl,
                order.status().name(),
                // Typed, so a missing value binds as a null of the column's type.
                DSL.val(order.paymentReference().orElse(null), ORDERS.PAYMENT_REFERENCE),
                DSL.val(order.paidAt().orElse(null), ORDERS.PAID_AT),
                order.id().value());
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        return withItems(dsl.selectFrom(ORDERS).where(ORDERS.ID.eq(id.value())).fetch()).stream()
                .findFirst();
    }

    @Override
    public Optional<Order> findByIdForUpdate(OrderId id) {
        return lockWithItems
                .with(dsl, id.value())
                .fetchOptional()
                .map(row -> OrderMapper.toDomain(
                        row.into(ORDERS),
                        row.get(ITEMS).stream()
                                .sorted(Comparator.comparing(OrderItemsRecord::getPosition))
                                .toList()));
    }

    @Override
    public Optional<Order> findByPaymentReferenceForUpdate(String paymentReference) {
        return withItems(dsl.selectFrom(ORDERS)
                        .where(ORDERS.PAYMENT_REFERENCE.eq(paymentReference))
                        .forUpdate()
                        .fetch())
                .stream()
                .findFirst();
    }

    @Override
    public Page<Order> findByUser(UserId userId, PageRequest page) {
        Condition where = ORDERS.USER_ID.eq(userId.value());
        Result<Record> rows = dsl.select(ORDERS.asterisk(), Paging.TOTAL)
                .from(ORDERS)
                .where(where)
                .orderBy(ORDERS.CREATED_AT.desc(), ORDERS.ID.asc())
                .limit(page.size())
                .offset(page.offset())
                .fetch();
        List<Order> orders = withItems(rows.stream().map(r -> r.into(ORDERS)).toList());
        return Paging.page(orders, page, Paging.total(rows, page, () -> dsl.fetchCount(ORDERS, where)));
    }

    @Override
    public Page<OrderWithCustomer> findAll(OrderQuery query) {
        List<Condition> conditions = new ArrayList<>();
        query.status().ifPresent(status -> conditions.add(ORDERS.STATUS.eq(status.name())));
        query.userId().ifPresent(user -> conditions.add(ORDERS.USER_ID.eq(user.value())));
        Condition where = DSL.and(conditions);
        PageRequest page = query.page();
        Result<Record> rows = dsl.select(ORDERS.asterisk(), USERS.EMAIL, Paging.TOTAL)
                .from(ORDERS)
                .join(USERS)
                .on(USERS.ID.eq(ORDERS.USER_ID))
                .where(where)
                .orderBy(ORDERS.CREATED_AT.desc(), ORDERS.ID.asc())
                .limit(page.size())
                .offset(page.offset())
                .fetch();
        List<Order> orders = withItems(rows.stream().map(r -> r.into(ORDERS)).toList());
        List<OrderWithCustomer> items = new ArrayList<>(orders.size());
        for (int i = 0; i < orders.size(); i++) {
            items.add(new OrderWithCustomer(orders.get(i), new Email(rows.get(i).get(USERS.EMAIL))));
        }
        return Paging.page(items, page, Paging.total(rows, page, () -> dsl.fetchCount(ORDERS, where)));
    }

    @Override
    public List<Order> lockPendingCreatedBefore(Instant cutoff, int limit) {
        return withItems(dsl.selectFrom(ORDERS)
                .where(ORDERS.STATUS.eq(OrderStatus.PENDING.name()))
                .and(ORDERS.CREATED_AT.lt(cutoff))
                .orderBy(ORDERS.CREATED_AT, ORDERS.ID)
                .limit(limit)
                .forUpdate()
                .skipLocked()
                .fetch());
    }

    @Override
    public long countPendingByUser(UserId userId) {
        return dsl.fetchCount(
                ORDERS, ORDERS.USER_ID.eq(userId.value()).and(ORDERS.STATUS.eq(OrderStatus.PENDING.name())));
    }

    @Override
    public Map<OrderStatus, Long> countByStatus() {
        Map<OrderStatus, Long> counts = new EnumMap<>(OrderStatus.class);
        for (OrderStatus status : OrderStatus.values()) {
            counts.put(status, 0L);
        }
        dsl.select(ORDERS.STATUS, DSL.count())
                .from(ORDERS)
                .groupBy(ORDERS.STATUS)
                .fetch()
                .forEach(r ->
                        counts.put(OrderStatus.valueOf(r.value1()), r.value2().longValue()));
        return counts;
    }

    /** The orders with their items, which are read for all of them in one query; the orders keep their order. */
    private List<Order> withItems(Collection<OrdersRecord> orders) {
        if (orders.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<OrderItemsRecord>> items = new HashMap<>();
        dsl.selectFrom(ORDER_ITEMS)
                .where(ORDER_ITEMS.ORDER_ID.in(
                        orders.stream().map(OrdersRecord::getId).toList()))
                .orderBy(ORDER_ITEMS.ORDER_ID, ORDER_ITEMS.POSITION)
                .fetch()
                .forEach(item -> items.computeIfAbsent(item.getOrderId(), k -> new ArrayList<>())
                        .add(item));
        return orders.stream()
                .map(order -> OrderMapper.toDomain(order, items.getOrDefault(order.getId(), List.of())))
                .toList();
    }

    /** One column of the order's items as an SQL array, for the single-statement insert through {@code unnest}. */
    private static <T> Field<T[]> column(
            List<OrderItemsRecord> items,
            Function<OrderItemsRecord, T> value,
            IntFunction<T[]> newArray,
            DataType<T> type) {
        return DSL.val(items.stream().map(value).toArray(newArray), type.array());
    }
}
