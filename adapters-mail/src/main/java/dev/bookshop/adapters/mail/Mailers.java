package dev.bookshop.adapters.mail;

import dev.bookshop.application.mail.port.out.Mailer;
import java.util.Optional;

/** Chooses the mailer for a configuration: SMTP when a host is configured, the log otherwise. */
public final class Mailers {

    private Mailers() {}

    public static Mailer choose(Optional<SmtpSettings> smtp) {
        return smtp.<Mailer>map(SmtpMailer::new).orElseGet(LogMailer::new);
    }

    /**
     * The same choice from the configuration's raw values ({@code SMTP_HOST}, {@code SMTP_PORT}, {@code SMTP_USER},
     * {@code SMTP_PASSWORD}, {@code MAIL_FROM}), with the default TLS policy for the user and the default timeout.
     */
    public static Mailer create(
            Optional<String> smtpHost, int port, Optional<String> user, Optional<String> password, String from) {
        return create(smtpHost, port, user, password, from, SmtpSettings.Tls.defaultFor(user));
    }

    /** The same with the TLS policy of {@code SMTP_TLS}. */
    public static Mailer create(
            Optional<String> smtpHost,
            int port,
            Optional<String> user,
            Optional<String> password,
            String from,
            SmtpSettings.Tls tls) {
        return choose(smtpHost.filter(host -> !host.isBlank())
                .map(host -> SmtpSettings.of(host, port, user, password, from, tls)));
    }
}
