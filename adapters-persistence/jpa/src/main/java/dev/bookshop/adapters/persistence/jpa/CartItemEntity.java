package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row of {@code cart_items}: one line of a cart, keyed by (cart, product), numbered in the order it was added. */
@Entity
@Table(name = "cart_items")
@IdClass(CartItemEntity.Key.class)
class CartItemEntity {

    record Key(UUID cartId, UUID productId) {}

    @Id
    @Column(name = "cart_id")
    UUID cartId;

    @Id
    @Column(name = "product_id")
    UUID productId;

    @Column(name = "quantity", nullable = false)
    int quantity;

    @Column(name = "position", nullable = false)
    int position;
}
