package dev.bookshop.domain.auth;

import dev.bookshop.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One refresh token of a login session. Tokens of one login form a family: each refresh revokes the token presented
 * and issues its successor in the same family. Presenting a revoked token again is reuse, and ends every session of
 * the user.
 */
public record RefreshToken(
        RefreshTokenId id,
        UserId userId,
        TokenFamilyId familyId,
        TokenHash hash,
        Instant expiresAt,
        boolean revoked,
        Instant createdAt) {

    public RefreshToken {
        Objects.requireNonNull(id);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(familyId);
        Objects.requireNonNull(hash);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(createdAt);
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a token expires after it is created");
        }
    }

    /** The first token of a new login. */
    public static RefreshToken issue(
            RefreshTokenId id, UserId userId, TokenFamilyId familyId, TokenHash hash, Instant now, Duration ttl) {
        return new RefreshToken(id, userId, familyId, hash, now.plus(ttl), false, now);
    }

    /** The token that replaces this one on refresh: same user, same family, a fresh lifetime. */
    public RefreshToken successor(RefreshTokenId newId, TokenHash newHash, Instant now, Duration ttl) {
        return issue(newId, userId, familyId, newHash, now, ttl);
    }

    public RefreshToken revoke() {
        return new RefreshToken(id, userId, familyId, hash, expiresAt, true, createdAt);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
