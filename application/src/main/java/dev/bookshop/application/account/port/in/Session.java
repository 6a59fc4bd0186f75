package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.user.User;
import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in session: the user, and the raw refresh token that continues it (shown once, to the client). The
 * driving adapter mints the short-lived access credential from the user's id and role.
 *
 * @param sessionId the token family this session continues: what the owner's session list calls it, so the access
 *     credential may carry it to tell which listed session is the caller's own. Never accepted as a credential.
 */
public record Session(User user, String refreshToken, Instant refreshExpiresAt, TokenFamilyId sessionId) {
    public Session {
        Objects.requireNonNull(user);
        Objects.requireNonNull(refreshToken);
        Objects.requireNonNull(refreshExpiresAt);
        Objects.requireNonNull(sessionId);
    }

    @Override
    public String toString() {
        return "Session[" + user + "]";
    }
}
