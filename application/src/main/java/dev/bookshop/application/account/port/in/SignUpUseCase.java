package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.User;

/** A customer creates an account. Refused with {@code EMAIL_TAKEN} when the email is in use. */
public interface SignUpUseCase {
    User signUp(Email email, Password password);
}
