package dev.bookshop.bootstrap.metrics;

import dev.bookshop.application.mail.port.out.Mailer;
import dev.bookshop.domain.user.Email;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Objects;

/** A {@link Mailer} that counts mails handed over ({@code sent}) and refused or undeliverable ({@code failed}). */
final class CountedMailer implements Mailer {

    static final String NAME = "bookshop.emails";

    private final Mailer delegate;
    private final Counter sent;
    private final Counter failed;

    CountedMailer(Mailer delegate, MeterRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate);
        this.sent = counter(registry, "sent");
        this.failed = counter(registry, "failed");
    }

    @Override
    public void send(Email to, String subject, String textBody, String htmlBody) {
        try {
            delegate.send(to, subject, textBody, htmlBody);
        } catch (RuntimeException e) {
            failed.increment();
            throw e;
        }
        sent.increment();
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder(NAME)
                .description("Mails handed to the mail server, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
