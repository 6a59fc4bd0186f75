package dev.bookshop.application.mail.port.in;

/** Sends the mails waiting in the outbox; failures are retried later. Answers how many were sent. */
public interface DeliverMailUseCase {
    int deliverDueMail();
}
