package dev.bookshop.adapters.mail;

import dev.bookshop.application.mail.port.out.MailDeliveryException;
import dev.bookshop.application.mail.port.out.Mailer;
import dev.bookshop.domain.user.Email;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands mail to an SMTP server with Jakarta Mail: one connection per mail, AUTH when a user is configured, STARTTLS
 * or implicit TLS as configured, and bounded waits. A mail carries its text and HTML versions as multipart/alternative, so every
 * client shows one of them.
 */
public final class SmtpMailer implements Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);
    private static final String CHARSET = StandardCharsets.UTF_8.name();

    private final SmtpSettings settings;
    private final InternetAddress from;
    private final Session session;

    public SmtpMailer(SmtpSettings settings) {
        this(settings, new Properties());
    }

    /** With Jakarta Mail properties on top of the settings' own: for tests that must trust a test certificate. */
    SmtpMailer(SmtpSettings settings, Properties overrides) {
        this.settings = settings;
        try {
            this.from = new InternetAddress(settings.from(), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("not a valid sender address: " + settings.from(), e);
        }
        Properties properties = properties(settings, from);
        properties.putAll(overrides);
        this.session = Session.getInstance(properties);
        if (settings.passwordMayTravelInClear()) {
            LOG.warn(
                    "SMTP_TLS={} with SMTP_USER set: a man in the middle can read the SMTP password; use starttls or tls",
                    settings.tls());
        }
    }

    static Properties properties(SmtpSettings settings, InternetAddress from) {
        String millis = Long.toString(settings.timeout().toMillis());
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", Integer.toString(settings.port()));
        properties.put("mail.smtp.connectiontimeout", millis);
        properties.put("mail.smtp.timeout", millis);
        properties.put("mail.smtp.writetimeout", millis);
        properties.put("mail.smtp.auth", Boolean.toString(settings.user().isPresent()));
        SmtpSettings.Tls tls = settings.tls();
        properties.put("mail.smtp.ssl.enable", Boolean.toString(tls == SmtpSettings.Tls.TLS));
        properties.put(
                "mail.smtp.starttls.enable",
                Boolean.toString(
                        tls == SmtpSettings.Tls.STARTTLS_OPTIONAL || tls == SmtpSettings.Tls.STARTTLS_REQUIRED));
        properties.put("mail.smtp.starttls.required", Boolean.toString(tls == SmtpSettings.Tls.STARTTLS_REQUIRED));
        // An encrypted connection to whoever holds some trusted certificate is no protection: the certificate must
        // name the configured host.
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        // The bounce address is the sender's, not whatever the host's user name happens to be.
        properties.put("mail.smtp.from", from.getAddress());
        return properties;
    }

    @Override
    public void send(Email to, String subject, String textBody, String htmlBody) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to.value(), true));
            message.setSubject(subject, CHARSET);
            message.setSentDate(new Date());
            message.setContent(body(textBody, htmlBody));
            if (settings.user().isPresent()) {
                Transport.send(
                        message, settings.user().get(), settings.password().orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw new MailDeliveryException(
                    "SMTP delivery via " + settings.host() + ":" + settings.port() + " failed: " + describe(e), e);
        }
    }

    private static MimeMultipart body(String textBody, String htmlBody) throws MessagingException {
        MimeMultipart alternatives = new MimeMultipart("alternative");
        // Plain first: multipart/alternative lists the simplest version first and the preferred one last.
        MimeBodyPart text = new MimeBodyPart();
        text.setText(textBody, CHARSET, "plain");
        alternatives.addBodyPart(text);
        if (htmlBody != null && !htmlBody.isBlank()) {
            MimeBodyPart html = new MimeBodyPart();
            html.setText(htmlBody, CHARSET, "html");
            alternatives.addBodyPart(html);
        }
        return alternatives;
    }

    /** The exception and its first cause in one line: enough to tell a refused login from a dead server. */
    private static String describe(MessagingException e) {
        String message = String.valueOf(e.getMessage()).strip();
        Throwable cause = e.getCause();
        if (cause != null && cause != e && cause.getMessage() != null) {
            message = message + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        return message.replaceAll("\\s+", " ");
    }

    @Override
    public String toString() {
        return "SmtpMailer[" + settings + "]";
    }
}
