package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;

/** The account of whoever is calling. */
public interface GetCurrentUserUseCase {
    User currentUser(UserId userId);
}
