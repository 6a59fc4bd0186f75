package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.user.UserId;

/** Mails a new verification link to the user's address; refused with {@code EMAIL_ALREADY_VERIFIED}. */
public interface ResendVerificationUseCase {
    void resendVerification(UserId userId);
}
