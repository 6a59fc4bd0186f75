package dev.bookshop.application.account.port.in;

import dev.bookshop.domain.user.Email;
import java.util.Objects;

/**
 * The operator's administrator email names an account that already exists, but the password the operator gave is
 * not that account's. Signup verifies no address, so whoever registered the email first may not be the operator: the
 * account is left as it is and the caller must not start as if an administrator existed.
 */
public final class AdminPasswordMismatchException extends RuntimeException {

    private final Email email;

    public AdminPasswordMismatchException(Email email) {
        super("the account " + Objects.requireNonNull(email).value()
                + " already exists and its password is not the administrator password given");
        this.email = email;
    }

    public Email email() {
        return email;
    }
}
