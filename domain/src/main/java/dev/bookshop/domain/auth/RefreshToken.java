package dev.bookshop.domain.auth;

import dev.bookshop.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One refresh token of a login session. Tokens of one login form a family: each refresh rotates the token presented
 * (revokes it and records when) and issues its successor in the same family. Presenting a revoked token again is
 * reuse, and ends every session of the user, except a token rotated less than the reuse grace ago, which a second tab
 * may still present. Every token carries the login time of its session, and no token of a session outlives the
 * session's maximum age, however often it is refreshed.
 *
 * @param sessionStartedAt when the user logged in to open this token's session; successors keep it
 * @param rotatedAt when a refresh rotated this token, or {@code null}: never rotated, or revoked for another reason
 *     (logout, password change, deactivation), which no grace ever bypasses
 * @param userAgent the client that logged in, as its User-Agent header said (cut to {@value #USER_AGENT_MAX}
 *     characters), or {@code null}; successors keep it, so the owner can tell their sessions apart
 */
public record RefreshToken(
        RefreshTokenId id,
        UserId userId,
        TokenFamilyId familyId,
        TokenHash hash,
        Instant expiresAt,
        boolean revoked,
        Instant createdAt,
        Instant sessionStartedAt,
        Instant rotatedAt,
        String userAgent) {

    public static final int USER_AGENT_MAX = 256;

    public RefreshToken {
        Objects.requireNonNull(id);
        Objects.requireNonNull(userId);
        Objects.requireNonNull(familyId);
        Objects.requireNonNull(hash);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(createdAt);
        Objects.requireNonNull(sessionStartedAt);
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a token expires after it is created");
        }
        if (sessionStartedAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a token is created during its session, not before it started");
        }
        if (rotatedAt != null && !revoked) {
            throw new IllegalArgumentException("a rotated token is revoked");
        }
        userAgent = cleanUserAgent(userAgent);
    }

    /** A token of a session whose client is unknown. */
    public RefreshToken(
            RefreshTokenId id,
            UserId userId,
            TokenFamilyId familyId,
            TokenHash hash,
            Instant expiresAt,
            boolean revoked,
            Instant createdAt,
            Instant sessionStartedAt,
            Instant rotatedAt) {
        this(id, userId, familyId, hash, expiresAt, revoked, createdAt, sessionStartedAt, rotatedAt, null);
    }

    /**
     * A header as a session label: control characters would garble a listing, a blank says nothing, and the header
     * is the client's to choose, so it is cut rather than stored at any length.
     */
    public static String cleanUserAgent(String raw) {
        if (raw == null) {
            return null;
        }
        String clean = raw.replaceAll("\\p{Cc}", " ").strip();
        if (clean.length() > USER_AGENT_MAX) {
            int end = USER_AGENT_MAX;
            if (Character.isHighSurrogate(clean.charAt(end - 1))) {
                end--;
            }
            clean = clean.substring(0, end).strip();
        }
        return clean.isEmpty() ? null : clean;
    }

    /** The first token of a new login: its session starts now. */
    public static RefreshToken issue(
            RefreshTokenId id,
            UserId userId,
            TokenFamilyId familyId,
            TokenHash hash,
            Instant now,
            Duration ttl,
            Duration sessionMaxAge) {
        return issue(id, userId, familyId, hash, now, ttl, sessionMaxAge, null);
    }

    /** The first token of a new login from the client {@code userAgent} names (may be {@code null}). */
    public static RefreshToken issue(
            RefreshTokenId id,
            UserId userId,
            TokenFamilyId familyId,
            TokenHash hash,
            Instant now,
            Duration ttl,
            Duration sessionMaxAge,
            String userAgent) {
        return new RefreshToken(
                id, userId, familyId, hash, expiry(now, ttl, now, sessionMaxAge), false, now, now, null, userAgent);
    }

    /**
     * The token that replaces this one on refresh: same user, same family, same session start; it lives the refresh
     * lifetime from now, but never past the end of the session.
     *
     * @throws IllegalStateException when the session has already ended
     */
    public RefreshToken successor(
            RefreshTokenId newId, TokenHash newHash, Instant now, Duration ttl, Duration sessionMaxAge) {
        if (sessionEnded(now, sessionMaxAge)) {
            throw new IllegalStateException("the session has ended");
        }
        return new RefreshToken(
                newId,
                userId,
                familyId,
                newHash,
                expiry(now, ttl, sessionStartedAt, sessionMaxAge),
                false,
                now,
                sessionStartedAt,
                null,
                userAgent);
    }

    /** Revoked because a refresh replaced it at {@code at}: the only revocation a reuse grace may forgive. */
    public RefreshToken rotate(Instant at) {
        Objects.requireNonNull(at);
        if (revoked) {
            throw new IllegalStateException("a revoked token cannot be rotated");
        }
        return new RefreshToken(
                id, userId, familyId, hash, expiresAt, true, createdAt, sessionStartedAt, at, userAgent);
    }

    /** Revoked for good (logout, password change, deactivation, reuse): no grace applies, even if it was rotated. */
    public RefreshToken revoke() {
        return new RefreshToken(
                id, userId, familyId, hash, expiresAt, true, createdAt, sessionStartedAt, null, userAgent);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** When this token's session ends, however often it is refreshed. */
    public Instant sessionEndsAt(Duration sessionMaxAge) {
        return sessionStartedAt.plus(sessionMaxAge);
    }

    public boolean sessionEnded(Instant now, Duration sessionMaxAge) {
        return !now.isBefore(sessionEndsAt(sessionMaxAge));
    }

    /**
     * Whether presenting this revoked token again is forgiven: it was rotated (not revoked otherwise) less than
     * {@code grace} ago. A zero grace forgives nothing.
     */
    public boolean isWithinReuseGrace(Instant now, Duration grace) {
        return revoked && rotatedAt != null && grace.isPositive() && now.isBefore(rotatedAt.plus(grace));
    }

    private static Instant expiry(Instant now, Duration ttl, Instant sessionStartedAt, Duration sessionMaxAge) {
        Instant byTtl = now.plus(ttl);
        Instant bySession = sessionStartedAt.plus(sessionMaxAge);
        return byTtl.isBefore(bySession) ? byTtl : bySession;
    }
}
