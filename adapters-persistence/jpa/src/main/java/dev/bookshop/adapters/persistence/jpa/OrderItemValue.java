package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/** One row of {@code order_items}, as a value of its {@link OrderEntity}. */
@Embeddable
class OrderItemValue {

    // Nullable: the snapshot stays when the book is gone.
    @Column(name = "product_id")
    UUID productId;

    @Column(name = "title_snapshot", nullable = false)
    String titleSnapshot;

    @Column(name = "unit_price_snapshot_cents", nullable = false)
    long unitPriceSnapshotCents;

    @Column(name = "quantity", nullable = false)
    int quantity;

    @Column(name = "discount_cents", nullable = false)
    long discountCents;

    @Column(name = "tax_cents", nullable = false)
    long taxCents;
}
