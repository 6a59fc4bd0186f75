package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row of {@code guest_cart_items}: one line of a guest cart, numbered in the order it was added. */
@Entity
@Table(name = "guest_cart_items")
@IdClass(GuestCartItemEntity.Key.class)
class GuestCartItemEntity {

    record Key(String tokenHash, UUID productId) {}

    @Id
    @Column(name = "token_hash")
    String tokenHash;

    @Id
    @Column(name = "product_id")
    UUID productId;

    @Column(name = "quantity", nullable = false)
    int quantity;

    @Column(name = "position", nullable = false)
    int position;
}
