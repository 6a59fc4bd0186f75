package dev.bookshop.adapters.mail;

import dev.bookshop.application.mail.port.out.Mailer;
import dev.bookshop.domain.user.Email;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailer for development and for installations without an SMTP server: each mail is written to the log
 * (recipient, subject and text version) instead of being sent, so the confirmation flow still runs end to end.
 */
public final class LogMailer implements Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(LogMailer.class);

    @Override
    public void send(Email to, String subject, String textBody, String htmlBody) {
        LOG.info("Mail not sent (no SMTP host configured) to={} subject=\"{}\"\n{}", to, subject, textBody);
    }

    @Override
    public String toString() {
        return "LogMailer";
    }
}
