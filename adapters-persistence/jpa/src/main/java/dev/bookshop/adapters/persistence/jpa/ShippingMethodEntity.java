package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code shipping_methods}. */
@Entity
@Table(name = "shipping_methods")
class ShippingMethodEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "name", nullable = false)
    String name;

    // text[] in the schema: the ISO codes of the countries served.
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "countries", nullable = false, columnDefinition = "text[]")
    String[] countries;

    @Column(name = "price_cents", nullable = false)
    long priceCents;

    @Column(name = "free_over_cents")
    Long freeOverCents;

    @Column(name = "active", nullable = false)
    boolean active;
}
