package dev.bookshop.domain.cart;

/** Why a merge kept fewer copies of a guest's line than asked for, or none. */
public enum MergeReason {
    /** The book has fewer copies in stock than the merged line asked for. */
    STOCK,
    /** The merged line would hold more copies than one customer may reserve. */
    LIMIT,
    /** The book is no longer on sale. */
    INACTIVE,
    /** The book is no longer in the shop at all. */
    DELETED
}
