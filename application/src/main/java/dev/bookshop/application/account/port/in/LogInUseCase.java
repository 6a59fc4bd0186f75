package dev.bookshop.application.account.port.in;

/**
 * A user logs in with email and password and gets a new session. Unknown email, wrong password and inactive account
 * are one refusal, {@code INVALID_CREDENTIALS}, and cost the same time.
 */
public interface LogInUseCase {

    /** A login from a client that did not say what it is. */
    default Session logIn(String email, String password) {
        return logIn(email, password, null);
    }

    /**
     * @param userAgent the client's own description (its User-Agent header), or {@code null}: kept, cleaned and cut,
     *     only so that the owner can tell their sessions apart
     */
    Session logIn(String email, String password, String userAgent);
}
