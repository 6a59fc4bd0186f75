package dev.bookshop.adapters.web.security;

import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is calling, as their verified access token says. The use cases re-check the live account where it matters.
 *
 * @param sessionId the session (token family) the access token was minted for, or {@code null} for a token minted
 *     before tokens named one: it only marks the caller's own entry in their session list, it grants nothing
 */
public record Caller(UserId userId, Role role, TokenFamilyId sessionId) {
    public Caller {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(role);
    }

    public Caller(UserId userId, Role role) {
        this(userId, role, null);
    }

    public Optional<TokenFamilyId> session() {
        return Optional.ofNullable(sessionId);
    }
}
