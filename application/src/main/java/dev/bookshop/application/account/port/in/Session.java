package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.user.User;
import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in session: the user, and the raw refresh token that continues it (shown once, to the client). The
 * driving adapter mints the short-lived access credential from the user's id and role.
 */
public record Session(User user, String refreshToken, Instant refreshExpiresAt) {
    public Session {
        Objects.requireNonNull(user);
        Objects.requireNonNull(refreshToken);
        Objects.requireNonNull(refreshExpiresAt);
    }

    @Override
    public String toString() {
        return "Session[" + user + "]";
    }
}
