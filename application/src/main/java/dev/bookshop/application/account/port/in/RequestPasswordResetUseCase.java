package dev.bookshop.application.account.port.in;

/**
 * Someone asks for a password reset link. It is mailed when the address belongs to an active account; the caller
 * learns nothing either way, so the answer cannot tell which addresses have accounts.
 */
public interface RequestPasswordResetUseCase {
    void requestPasswordReset(String email);
}
