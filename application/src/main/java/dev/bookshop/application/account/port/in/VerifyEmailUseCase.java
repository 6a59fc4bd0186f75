package dev.bookshop.application.account.port.in;

/**
 * Confirms an address with a mailed token: a verification token marks the current address verified, an email-change
 * token moves the account to the new address. Refused with {@code INVALID_TOKEN}, or {@code EMAIL_TAKEN} when another
 * account took the new address meanwhile (the account keeps its old one).
 */
public interface VerifyEmailUseCase {
    void verifyEmail(String token);
}
