package dev.bookshop.application.account.port.out;

import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.PasswordHash;

/** One-way password hashing. Deliberately slow; never call it inside a database transaction. */
public interface PasswordHasher {

    PasswordHash hash(Password password);

    boolean matches(Password password, PasswordHash hash);
}
