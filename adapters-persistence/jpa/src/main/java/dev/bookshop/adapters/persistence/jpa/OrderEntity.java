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

    @Column(name = "subtotal_cents", nullable = false, updatable = false)
    long subtotalCents;

    @Column(name = "discount_cents", nullable = false, updatable = false)
    long discountCents;

    @Column(name = "discount_code", updatable = false)
    String discountCode;

    @Column(name = "shipping_cents", nullable = false, updatable = false)
    long shippingCents;

    @Column(name = "tax_cents", nullable = false, updatable = false)
    long taxCents;

    @Column(name = "tax_rate_basis_points", nullable = false, updatable = false)
    int taxRateBasisPoints;

    // The copy of the shipping address: all null when the order is shipped nowhere.
    @Column(name = "ship_name", updatable = false)
    String shipName;

    @Column(name = "ship_line1", updatable = false)
    String shipLine1;

    @Column(name = "ship_line2", updatable = false)
    String shipLine2;

    @Column(name = "ship_city", updatable = false)
    String shipCity;

    @Column(name = "ship_postal_code", updatable = false)
    String shipPostalCode;

    @Column(name = "ship_region", updatable = false)
    String shipRegion;

    @Column(name = "ship_country", updatable = false)
    String shipCountry;

    @Column(name = "ship_phone", updatable = false)
    String shipPhone;

    @Column(name = "shipping_method_name", updatable = false)
    String shippingMethodName;

    @Column(name = "shipping_method_price_cents", updatable = false)
    Long shippingMethodPriceCents;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "order_items", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    List<OrderItemValue> items = new ArrayList<>();
}
