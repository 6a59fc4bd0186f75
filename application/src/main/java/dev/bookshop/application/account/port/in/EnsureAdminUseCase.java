package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.User;

/**
 * Makes sure the operator's administrator exists at start-up: creates it when no account has that email, or promotes
 * (and reactivates) the existing account, but only when {@code password} is that account's password. The password
 * of an existing account is never changed.
 */
public interface EnsureAdminUseCase {

    /**
     * @throws AdminPasswordMismatchException when an account with that email exists and {@code password} is not its
     *     password; nothing is changed
     */
    User ensureAdmin(Email email, Password password);
}
