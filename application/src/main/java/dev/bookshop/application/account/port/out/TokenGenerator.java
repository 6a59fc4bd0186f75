package dev.bookshop.application.account.port.out;

import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable secrets, such as raw refresh tokens. */
public interface TokenGenerator {

    /** A new secret with at least 256 bits of entropy, URL-safe. */
    String newToken();

    static TokenGenerator secureRandom() {
        SecureRandom random = new SecureRandom();
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return () -> {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            return encoder.encodeToString(bytes);
        };
    }
}
