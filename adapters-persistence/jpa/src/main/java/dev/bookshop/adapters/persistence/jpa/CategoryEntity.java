package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A row of {@code categories}. */
@Entity
@Table(name = "categories")
class CategoryEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "slug", nullable = false, updatable = false)
    String slug;

    @Column(name = "name", nullable = false)
    String name;
}
