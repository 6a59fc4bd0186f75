package dev.bookshop.application.account.port.out;

import dev.bookshop.domain.auth.RefreshToken;
import dev.bookshop.domain.auth.RefreshTokenId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.UserId;
import java.util.Optional;

/** Refresh tokens, stored by hash only. */
public interface RefreshTokenRepository {

    void insert(RefreshToken token);

    /** Finds a token by hash and holds it locked, so that two refreshes with one token are serialised. */
    Optional<RefreshToken> findByHashForUpdate(TokenHash hash);

    void revoke(RefreshTokenId id);

    /** Revokes every token of the user; answers how many were still live. */
    int revokeAllOfUser(UserId userId);
}
