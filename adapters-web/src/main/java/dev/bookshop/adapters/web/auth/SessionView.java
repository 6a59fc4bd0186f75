package dev.bookshop.adapters.web.auth;

import dev.bookshop.adapters.web.security.Caller;
import dev.bookshop.domain.auth.UserSession;
import java.time.Instant;

/**
 * A login as its owner sees it. {@code current} marks the session the caller's access token was minted for; a token
 * minted before tokens named their session marks none.
 */
public record SessionView(String id, Instant createdAt, Instant lastUsedAt, String userAgent, boolean current) {

    public static SessionView of(UserSession session, Caller caller) {
        return new SessionView(
                session.id().toString(),
                session.createdAt(),
                session.lastUsedAt(),
                session.userAgent(),
                caller.session().filter(session.id()::equals).isPresent());
    }
}
