package dev.bookshop.application.shared.service;

import dev.bookshop.application.account.port.out.UserRepository;
import dev.bookshop.domain.user.NotAdminException;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import dev.bookshop.domain.user.UserInactiveException;

/**
 * Who may act, checked against the stored account rather than the caller's credential: a token minted before a
 * deactivation or a demotion carries stale claims.
 */
public final class Actors {

    private final UserRepository users;

    public Actors(UserRepository users) {
        this.users = users;
    }

    /** The caller's account if it may still change things; a missing account counts as inactive. */
    public User requireActive(UserId userId) {
        return users.findById(userId)
                .orElseThrow(() -> new UserInactiveException(userId))
                .requireActive();
    }

    public User requireAdmin(UserId userId) {
        User user = users.findById(userId).orElseThrow(NotAdminException::new);
        if (!user.isActiveAdmin()) {
            throw new NotAdminException();
        }
        return user;
    }
}
