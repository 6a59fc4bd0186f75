package dev.bookshop.application.account.port.out;

import dev.bookshop.domain.auth.RefreshToken;
import dev.bookshop.domain.auth.RefreshTokenId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Refresh tokens, stored by hash only. */
public interface RefreshTokenRepository {

    void insert(RefreshToken token);

    /**
     * Finds a token by hash without locking it: enough to learn whose it is, so a caller can lock the user first
     * (users are locked before their tokens everywhere, or two transactions could wait on each other).
     */
    Optional<RefreshToken> findByHash(TokenHash hash);

    /** Finds a token by hash and holds it locked, so that two refreshes with one token are serialised. */
    Optional<RefreshToken> findByHashForUpdate(TokenHash hash);

    /**
     * Revokes the token because a refresh replaced it, and records when: within the reuse grace it may be presented
     * again. A token that is already revoked stays as it is.
     */
    void markRotated(RefreshTokenId id, Instant at);

    /** Revokes the token for good: any rotation mark is cleared, so no reuse grace applies to it. */
    void revoke(RefreshTokenId id);

    /**
     * Revokes every token of the user and clears every rotation mark, so no grace can bring a token of theirs back;
     * answers how many were still live.
     */
    int revokeAllOfUser(UserId userId);

    /**
     * Deletes up to {@code limit} tokens of sessions that can no longer be refreshed: every token of the family has
     * expired by {@code now}, or the session started at or before {@code sessionsStartedBy} (it reached its max age).
     * A family with a token still alive keeps all its tokens, rotated and revoked ones included: presenting one of
     * those is how reuse is detected. Rows another transaction holds locked are skipped and left for a later call, so concurrent purges
     * never wait on each other or on a request, and each row is deleted (and counted) by one of them only. Answers how many it deleted.
     */
    int deleteDeadFamilies(Instant now, Instant sessionsStartedBy, int limit);
}
