package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.user.Password;

/**
 * Sets a new password with a mailed reset token. Every session of the user ends and every other reset token dies;
 * refused with {@code INVALID_TOKEN} for an unknown, used, expired or foreign token.
 */
public interface ResetPasswordUseCase {
    void resetPassword(String token, Password newPassword);
}
