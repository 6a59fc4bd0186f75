package dev.bookshop.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MailersTest {

    @Test
    void noSmtpHostMeansTheLog() {
        assertThat(Mailers.create(Optional.empty(), 587, Optional.empty(), Optional.empty(), "a@b.cd"))
                .isInstanceOf(LogMailer.class);
        assertThat(Mailers.create(Optional.of(" "), 587, Optional.empty(), Optional.empty(), "a@b.cd"))
                .isInstanceOf(LogMailer.class);
    }

    @Test
    void anSmtpHostMeansSmtp() {
        assertThat(Mailers.create(
                        Optional.of("smtp.example.com"),
                        587,
                        Optional.of("shop"),
                        Optional.of("pw"),
                        "Bookshop <no-reply@bookshop.local>"))
                .isInstanceOf(SmtpMailer.class);
    }
}
