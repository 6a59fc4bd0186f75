package dev.bookshop.adapters.persistence.jpa;

/**
 * The collation lists sort text by: PostgreSQL's {@code "C"}, code-point order, so that an order does not hang on the
 * server's locale and matches the other adapters (and the index {@code products_title_idx}).
 */
final class Collations {

    /** As written inside an HQL {@code collate(… as …)}. */
    static final String CODE_POINT = "`C`";

    private Collations() {}
}
