package dev.bookshop.adapters.web.security;

import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.UserId;
import java.util.Objects;

/** Who is calling, as their verified access token says. The use cases re-check the live account where it matters. */
public record Caller(UserId userId, Role role) {
    public Caller {
        Objects.requireNonNull(userId);
        Objects.requireNonNull(role);
    }
}
