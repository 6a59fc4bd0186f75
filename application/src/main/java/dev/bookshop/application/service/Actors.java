package dev.bookshop.application.service;

import dev.bookshop.application.port.out.UserRepository;
import dev.bookshop.domain.user.NotAdminException;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import dev.bookshop.domain.user.UserInactiveException;

/**
 * Who may act, checked against the stored account rather than the caller's credential: a token minted before a
 * deactivation or a demotion carries stale claims.
 */
final class Actors {

    private final UserRepository users;

    Actors(UserRepository users) {
        this.users = users;
    }

    /** The caller's account if it may still change things; a missing account counts as inactive. */
    User requireActive(UserId userId) {
        return users.findById(userId)
                .orElseThrow(() -> new UserInactiveException(userId))
                .requireActive();
    }

    User requireAdmin(UserId userId) {
        User user = users.findById(userId).orElseThrow(NotAdminException::new);
        if (!user.isActiveAdmin()) {
            throw new NotAdminException();
        }
        return user;
    }
}
