package dev.bookshop.application.mail.port.out;

import dev.bookshop.domain.user.Email;

/** Sends one mail now. Throws {@link MailDeliveryException} when the mail could not be handed over. */
public interface Mailer {

    void send(Email to, String subject, String textBody, String htmlBody);
}
