package dev.bookshop.adapters.persistence.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code tax_rates}. */
@Entity
@Table(name = "tax_rates")
class TaxRateEntity {

    @Id
    @Column(name = "country")
    String country;

    @Column(name = "rate_basis_points", nullable = false)
    int rateBasisPoints;
}
