package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.user.UserId;

/**
 * The owner erases their account. In one transaction: the account is deactivated, its email and password hash are
 * replaced (see {@link dev.bookshop.domain.user.User#erase}), its cart is emptied, its saved addresses and refresh
 * tokens are deleted and mail not yet sent to it is cancelled. Orders stay, with their snapshots, for the books.
 *
 * @throws dev.bookshop.domain.user.InvalidCredentialsException when {@code password} is not the account's
 * @throws dev.bookshop.domain.user.LastAdminException when the caller is the last active administrator
 */
public interface EraseAccountUseCase {
    void eraseAccount(UserId userId, String password);
}
