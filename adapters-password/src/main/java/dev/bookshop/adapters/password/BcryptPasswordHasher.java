package dev.bookshop.adapters.password;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import dev.bookshop.application.account.port.out.PasswordHasher;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.PasswordHash;
import java.nio.charset.StandardCharsets;

/** Hashes passwords with bcrypt (2a, cost 12 by default) and checks offered passwords against stored hashes. */
public final class BcryptPasswordHasher implements PasswordHasher {

    public static final int DEFAULT_COST = 12;
    public static final int MIN_COST = 4;
    public static final int MAX_COST = 31;

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(BCrypt.Version.VERSION_2A);
    // Offered passwords may be longer than bcrypt reads; truncating them keeps the check's cost, and a chosen
    // password is never longer than 72 bytes, so the truncated form cannot match by accident.
    private final BCrypt.Verifyer verifyer =
            BCrypt.verifyer(BCrypt.Version.VERSION_2A, LongPasswordStrategies.truncate(BCrypt.Version.VERSION_2A));

    public BcryptPasswordHasher() {
        this(DEFAULT_COST);
    }

    public BcryptPasswordHasher(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between " + MIN_COST + " and " + MAX_COST);
        }
        this.cost = cost;
    }

    @Override
    public PasswordHash hash(Password password) {
        return new PasswordHash(hasher.hashToString(cost, password.reveal().toCharArray()));
    }

    @Override
    public boolean matches(Password password, PasswordHash hash) {
        byte[] offered = password.reveal().getBytes(StandardCharsets.UTF_8);
        try {
            boolean verified = verifyer.verify(offered, hash.value().getBytes(StandardCharsets.UTF_8)).verified;
            return verified && offered.length <= Password.MAX_BYTES;
        } catch (IllegalArgumentException e) {
            // Not a bcrypt hash at all: nothing matches it.
            return false;
        }
    }
}
