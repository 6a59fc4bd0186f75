package dev.bookshop.application.mail.port.out;

/** The mail server refused or could not be reached; the outbox will try again. */
public class MailDeliveryException extends RuntimeException {
    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
