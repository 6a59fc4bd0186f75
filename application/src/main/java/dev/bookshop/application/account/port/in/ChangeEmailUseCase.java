package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.UserId;

/**
 * Asks to move the account to a new address, proving the password. A link goes to the new address; the account moves
 * only when it is followed. Refused with {@code INVALID_CREDENTIALS} or {@code EMAIL_TAKEN}.
 */
public interface ChangeEmailUseCase {
    void requestEmailChange(UserId userId, Email newEmail, String password);
}
