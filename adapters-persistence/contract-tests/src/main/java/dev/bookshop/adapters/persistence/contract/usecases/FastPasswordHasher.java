package dev.bookshop.adapters.persistence.contract.usecases;

import dev.bookshop.application.account.port.out.PasswordHasher;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.PasswordHash;
import java.util.concurrent.atomic.AtomicInteger;

/** A quick stand-in for bcrypt in use-case tests; it counts comparisons so tests can check login's equal cost. */
public final class FastPasswordHasher implements PasswordHasher {

    private final AtomicInteger comparisons = new AtomicInteger();

    @Override
    public PasswordHash hash(Password password) {
        return new PasswordHash("fast$" + TokenHash.of(password.reveal()).hex());
    }

    @Override
    public boolean matches(Password password, PasswordHash hash) {
        comparisons.incrementAndGet();
        return hash(password).equals(hash);
    }

    public int comparisons() {
        return comparisons.get();
    }
}
