package dev.bookshop.adapters.web.auth;

import dev.bookshop.domain.user.User;
import java.time.Instant;

/** An account as the API shows it; never the password hash. */
public record UserView(String id, String email, String role, boolean active, Instant createdAt, boolean emailVerified) {

    public static UserView of(User user) {
        return new UserView(
                user.id().toString(),
                user.email().value(),
                user.role().name(),
                user.active(),
                user.createdAt(),
                user.isEmailVerified());
    }
}
