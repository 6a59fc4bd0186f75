package dev.bookshop.domain.auth;

import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A single-use secret mailed to an account: a password reset, an address verification or an address change. Only
 * the hash of the raw token is kept. A token works once, before it expires, for its own kind only; an email change
 * carries the address it moves the account to.
 *
 * @param newEmail the address an {@link AccountTokenKind#EMAIL_CHANGE} token moves the account to; {@code null} for
 *     every other kind
 * @param usedAt when the token was used, or when a later use of another token voided it; {@code null} while usable
 */
public record AccountToken(
        AccountTokenId id,
        UserId userId,
        AccountTokenKind kind,
        TokenHash hash,
        Email newEmail,
        Instant expiresAt,
        Instant usedAt,
        Instant createdAt) {

    public AccountToken {
        Objects.requireNonNull(id);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(hash);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(createdAt);
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a token expires after it is created");
        }
        if ((kind == AccountTokenKind.EMAIL_CHANGE) != (newEmail != null)) {
            throw new IllegalArgumentException("an email change token, and only one, names the new address");
        }
    }

    public static AccountToken passwordReset(
            AccountTokenId id, UserId userId, TokenHash hash, Instant now, Duration ttl) {
        return issue(id, userId, AccountTokenKind.PASSWORD_RESET, hash, null, now, ttl);
    }

    public static AccountToken emailVerification(
            AccountTokenId id, UserId userId, TokenHash hash, Instant now, Duration ttl) {
        return issue(id, userId, AccountTokenKind.EMAIL_VERIFICATION, hash, null, now, ttl);
    }

    public static AccountToken emailChange(
            AccountTokenId id, UserId userId, TokenHash hash, Email newEmail, Instant now, Duration ttl) {
        return issue(id, userId, AccountTokenKind.EMAIL_CHANGE, hash, Objects.requireNonNull(newEmail), now, ttl);
    }

    private static AccountToken issue(
            AccountTokenId id,
            UserId userId,
            AccountTokenKind kind,
            TokenHash hash,
            Email newEmail,
            Instant now,
            Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token lives a positive time");
        }
        return new AccountToken(id, userId, kind, hash, newEmail, now.plus(ttl), null, now);
    }

    public boolean isUsed() {
        return usedAt != null;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * Throws {@link InvalidTokenException} unless this token may be used now for one of {@code kinds}: unused,
     * unexpired, and of the right kind. A token presented for another purpose is as good as unknown.
     */
    public AccountToken requireUsable(Instant now, AccountTokenKind... kinds) {
        boolean rightKind = false;
        for (AccountTokenKind k : kinds) {
            rightKind |= k == kind;
        }
        if (!rightKind || isUsed() || isExpired(now)) {
            throw new InvalidTokenException();
        }
        return this;
    }

    /** This token, used at {@code at}; a used token cannot be used again. */
    public AccountToken use(Instant at) {
        Objects.requireNonNull(at);
        if (isUsed()) {
            throw new InvalidTokenException();
        }
        return new AccountToken(id, userId, kind, hash, newEmail, expiresAt, at, createdAt);
    }
}
