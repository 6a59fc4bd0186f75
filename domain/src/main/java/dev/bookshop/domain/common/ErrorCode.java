package dev.bookshop.domain.common;

/** Stable, machine-readable codes for every business refusal; clients branch on these, so never rename one. */
public enum ErrorCode {
    VALIDATION_FAILED,
    EMAIL_TAKEN,
    INVALID_CREDENTIALS,
    INVALID_REFRESH_TOKEN,
    USER_INACTIVE,
    NOT_ADMIN,
    LAST_ADMIN,
    USER_NOT_FOUND,
    PRODUCT_NOT_FOUND,
    CATEGORY_NOT_FOUND,
    CATEGORY_SLUG_TAKEN,
    CART_ITEM_NOT_FOUND,
    ORDER_NOT_FOUND,
    INSUFFICIENT_STOCK,
    CART_EMPTY,
    PRODUCT_UNAVAILABLE,
    ILLEGAL_ORDER_TRANSITION,
    IDEMPOTENCY_KEY_REUSED,
    PAYMENT_PROVIDER_UNAVAILABLE
}
