package dev.bookshop.application.account.port.in;

/**
 * A user logs in with email and password and gets a new session. Unknown email, wrong password and inactive account
 * are one refusal, {@code INVALID_CREDENTIALS}, and cost the same time.
 */
public interface LogInUseCase {
    Session logIn(String email, String password);
}
