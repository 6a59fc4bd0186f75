package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code addresses}. */
@Entity
@Table(name = "addresses")
class AddressEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "user_id", nullable = false, updatable = false)
    UUID userId;

    /** The database numbers the rows as they come: read only, to order entries saved at the same instant. */
    @Column(name = "seq", insertable = false, updatable = false)
    Long seq;

    @Column(name = "name", nullable = false)
    String name;

    @Column(name = "line1", nullable = false)
    String line1;

    @Column(name = "line2")
    String line2;

    @Column(name = "city", nullable = false)
    String city;

    @Column(name = "postal_code", nullable = false)
    String postalCode;

    @Column(name = "region")
    String region;

    @Column(name = "country", nullable = false)
    String country;

    @Column(name = "phone")
    String phone;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;
}
