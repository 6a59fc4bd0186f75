package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A row of {@code products}, with its shelves through {@code product_categories}. The stock is read here but never
 * written through the entity: it moves only through the repository's conditional UPDATE statements. The generated
 * {@code search_vector} column is left unmapped; only native search queries touch it.
 */
@Entity
@Table(name = "products")
class ProductEntity {

    @Id
    @Column(name = "id")
    UUID id;

    @Column(name = "slug", nullable = false, updatable = false)
    String slug;

    @Column(name = "title", nullable = false)
    String title;

    @Column(name = "author", nullable = false)
    String author;

    @Column(name = "series")
    String series;

    @Column(name = "description")
    String description;

    @Column(name = "isbn")
    String isbn;

    @Column(name = "price_cents", nullable = false)
    long priceCents;

    // Not updatable: a dirty entity can never write back a stock it read before a concurrent checkout took copies.
    @Column(name = "stock", nullable = false, updatable = false)
    int stock;

    @Column(name = "active", nullable = false)
    boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    // A plain column, not JPA's @Version: edits run under the row lock, and the domain says when an edit is one.
    @Column(name = "version", nullable = false)
    long version;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "product_categories",
            joinColumns = @JoinColumn(name = "product_id"),
            inverseJoinColumns = @JoinColumn(name = "category_id"))
    Set<CategoryEntity> categories = new HashSet<>();
}
