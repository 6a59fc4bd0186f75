package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.UserId;

/** A user replaces their password, proving the current one; every refresh token of theirs is revoked. */
public interface ChangePasswordUseCase {
    void changePassword(UserId userId, String currentPassword, Password newPassword);
}
