package dev.bookshop.application.account.service;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The operator's choices for mailed account links.
 *
 * @param passwordResetTtl how long a reset link works; short, because it opens the account without the password
 * @param emailVerificationTtl how long a verification or address-change link works
 * @param passwordResetUrl the page a reset link opens, with {@value #PLACEHOLDER} where the token goes
 * @param emailVerificationUrl the page a verification link opens, with {@value #PLACEHOLDER} where the token goes
 * @param requireVerifiedEmail whether a customer must verify the address before checking out
 */
public record AccountSettings(
        Duration passwordResetTtl,
        Duration emailVerificationTtl,
        String passwordResetUrl,
        String emailVerificationUrl,
        boolean requireVerifiedEmail) {

    public static final String PLACEHOLDER = "{token}";
    public static final Duration DEFAULT_PASSWORD_RESET_TTL = Duration.ofMinutes(30);
    public static final Duration DEFAULT_EMAIL_VERIFICATION_TTL = Duration.ofDays(2);
    public static final String DEFAULT_PASSWORD_RESET_URL = "http://localhost:3000/reset-password?token={token}";
    public static final String DEFAULT_EMAIL_VERIFICATION_URL = "http://localhost:3000/verify-email?token={token}";

    public AccountSettings {
        requirePositive(passwordResetTtl, "password reset lifetime");
        requirePositive(emailVerificationTtl, "email verification lifetime");
        requireTemplate(passwordResetUrl, "password reset URL");
        requireTemplate(emailVerificationUrl, "email verification URL");
    }

    public static AccountSettings defaults() {
        return new AccountSettings(
                DEFAULT_PASSWORD_RESET_TTL,
                DEFAULT_EMAIL_VERIFICATION_TTL,
                DEFAULT_PASSWORD_RESET_URL,
                DEFAULT_EMAIL_VERIFICATION_URL,
                false);
    }

    public AccountSettings withRequireVerifiedEmail(boolean required) {
        return new AccountSettings(
                passwordResetTtl, emailVerificationTtl, passwordResetUrl, emailVerificationUrl, required);
    }

    /** The reset link for {@code rawToken}. Tokens are URL-safe base64, so they need no escaping. */
    public String passwordResetLink(String rawToken) {
        return passwordResetUrl.replace(PLACEHOLDER, rawToken);
    }

    public String emailVerificationLink(String rawToken) {
        return emailVerificationUrl.replace(PLACEHOLDER, rawToken);
    }

    private static void requirePositive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive");
        }
    }

    // A template without the placeholder would mail a link that cannot work; one that is not an absolute http(s) URL
    // would mail something a mail client does not open as a link.
    private static void requireTemplate(String template, String what) {
        Objects.requireNonNull(template, what);
        if (!template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException(what + " must contain " + PLACEHOLDER);
        }
        URI uri;
        try {
            uri = URI.create(template.replace(PLACEHOLDER, "token"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not a valid URL: " + template, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be an absolute http(s) URL: " + template);
        }
    }
}
