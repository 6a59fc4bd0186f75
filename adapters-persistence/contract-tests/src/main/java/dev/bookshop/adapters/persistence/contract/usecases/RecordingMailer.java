package dev.bookshop.adapters.persistence.contract.usecases;

import dev.bookshop.application.mail.port.out.MailDeliveryException;
import dev.bookshop.application.mail.port.out.Mailer;
import dev.bookshop.domain.user.Email;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A mail server stand-in that keeps what it was given, and can be switched off. */
public final class RecordingMailer implements Mailer {

    public record Sent(Email to, String subject, String textBody, String htmlBody) {}

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    public void down(boolean isDown) {
        this.down = isDown;
    }

    @Override
    public void send(Email to, String subject, String textBody, String htmlBody) {
        if (down) {
            throw new MailDeliveryException("connection refused", null);
        }
        sent.add(new Sent(to, subject, textBody, htmlBody));
    }

    public List<Sent> sent() {
        return sent;
    }
}
