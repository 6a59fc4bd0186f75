package dev.bookshop.domain.auth;

/** What a single-use account token was issued for; a token only ever works for its own kind. */
public enum AccountTokenKind {
    /** Sets a new password without the old one; proves control of the account's address. */
    PASSWORD_RESET,
    /** Proves the account's current address. */
    EMAIL_VERIFICATION,
    /** Proves a new address, and moves the account to it. */
    EMAIL_CHANGE
}
