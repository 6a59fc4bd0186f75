package dev.bookshop.adapters.mail;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how to hand mail over: the SMTP server, the account to log in with (AUTH is used only when a user is
 * set), the sender address, the TLS policy and how long to wait on the server.
 *
 * @param from the sender, with or without a display name ({@code Bookshop <no-reply@example.com>})
 */
public record SmtpSettings(
        String host,
        int port,
        Optional<String> user,
        Optional<String> password,
        String from,
        Tls tls,
        Duration timeout) {

    /** Long enough for a slow relay, short enough that a dead one does not hold the outbox worker for long. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How the connection is protected. With AUTH, only {@link #STARTTLS_REQUIRED} and {@link #TLS} keep the password
     * from a man in the middle: he can strip an optional STARTTLS offer and read the login in clear.
     */
    public enum Tls {
        /** Plain SMTP: only for a relay on the same host. */
        NONE,
        /** Upgrade when the server offers STARTTLS, stay plain otherwise: for a local relay without AUTH. */
        STARTTLS_OPTIONAL,
        /** Refuse to send over a connection the server will not upgrade with STARTTLS (usually port 587). */
        STARTTLS_REQUIRED,
        /** Implicit TLS from the first byte, "SMTPS" (usually port 465). */
        TLS;

        /**
         * The policy when none is configured: required STARTTLS when a password goes over the wire, optional
         * otherwise, so a local relay without STARTTLS keeps working.
         */
        public static Tls defaultFor(Optional<String> user) {
            return user.filter(u -> !u.isBlank()).isPresent() ? STARTTLS_REQUIRED : STARTTLS_OPTIONAL;
        }
    }

    public SmtpSettings {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("SMTP host is required");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port must be between 1 and 65535");
        }
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        user = user.filter(u -> !u.isBlank());
        if (user.isPresent() && password.isEmpty()) {
            throw new IllegalArgumentException("an SMTP user needs a password");
        }
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("a sender address is required");
        }
        Objects.requireNonNull(tls, "tls");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("SMTP timeout must be positive");
        }
    }

    /** Settings with the default TLS policy for the user ({@link Tls#defaultFor}) and the default timeout. */
    public static SmtpSettings of(
            String host, int port, Optional<String> user, Optional<String> password, String from) {
        return of(host, port, user, password, from, Tls.defaultFor(user));
    }

    /** Settings with the given TLS policy and the default timeout. */
    public static SmtpSettings of(
            String host, int port, Optional<String> user, Optional<String> password, String from, Tls tls) {
        return new SmtpSettings(host, port, user, password, from, tls, DEFAULT_TIMEOUT);
    }

    /** Whether AUTH could send the password over a connection that is not encrypted. */
    public boolean passwordMayTravelInClear() {
        return user.isPresent() && (tls == Tls.NONE || tls == Tls.STARTTLS_OPTIONAL);
    }

    /** Never prints the password: settings end up in start-up logs. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", user=" + user.orElse("(none)") + ", password="
                + (password.isPresent() ? "****" : "(none)") + ", from=" + from + ", tls=" + tls + ", timeout="
                + timeout + "]";
    }
}
