package dev.bookshop.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {

    @Test
    void defaultsToStartTlsWhenOfferedAndATenSecondTimeout() {
        SmtpSettings settings = SmtpSettings.of("smtp.example.com", 587, Optional.empty(), Optional.empty(), "a@b.cd");

        assertThat(settings.tls()).isEqualTo(SmtpSettings.Tls.STARTTLS_WHEN_OFFERED);
        assertThat(settings.timeout()).isEqualTo(SmtpSettings.DEFAULT_TIMEOUT);
    }

    @Test
    void thePasswordNeverShowsInToString() {
        SmtpSettings settings =
                SmtpSettings.of("smtp.example.com", 587, Optional.of("shop"), Optional.of("hunter22"), "a@b.cd");

        assertThat(settings.toString()).contains("shop").doesNotContain("hunter22");
    }

    @Test
    void aUserWithoutPasswordIsRefused() {
        assertThatThrownBy(
                        () -> SmtpSettings.of("smtp.example.com", 587, Optional.of("shop"), Optional.empty(), "a@b.cd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadPortIsRefused() {
        assertThatThrownBy(() -> SmtpSettings.of("smtp.example.com", 0, Optional.empty(), Optional.empty(), "a@b.cd"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
