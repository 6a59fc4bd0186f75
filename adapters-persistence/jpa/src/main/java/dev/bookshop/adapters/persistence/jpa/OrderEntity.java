package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code orders} with its item snapshots in {@code order_items}. The items are values of the order, numbered
 * by {@code position} (the key of {@code order_items} with the order id); they are written once with the order and
 * never changed.
 */
@Entity
@Table(name = "orders")
class OrderEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    UUID userId;

    @Column(name = "total_amount_cents", nullable = false, updatable = false)
    long totalAmountCents;

    // char(3) in the schema: an ISO 4217 code always fills it.
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "currency", nullable = false, updatable = false, length = 3)
    String currency;

    @Column(name = "status", nullable = false)
    String status;

    @Column(name = "payment_reference")
    String paymentReference;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "paid_at")
    Instant paidAt;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "order_items", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    List<OrderItemValue> items = new ArrayList<>();
}
