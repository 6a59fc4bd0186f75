package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.User;

/**
 * Makes sure the operator's administrator exists at start-up: creates it, or promotes and reactivates the account
 * with that email. The password is only set when the account is created.
 */
public interface EnsureAdminUseCase {
    User ensureAdmin(Email email, Password password);
}
