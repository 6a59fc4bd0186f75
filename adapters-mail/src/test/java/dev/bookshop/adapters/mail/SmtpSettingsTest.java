package dev.bookshop.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {

    @Test
    void withoutAUserDefaultsToOptionalStartTlsAndATenSecondTimeout() {
        SmtpSettings settings = SmtpSettings.of("smtp.example.com", 587, Optional.empty(), Optional.empty(), "a@b.cd");

        assertThat(settings.tls()).isEqualTo(SmtpSettings.Tls.STARTTLS_OPTIONAL);
        assertThat(settings.timeout()).isEqualTo(SmtpSettings.DEFAULT_TIMEOUT);
        assertThat(settings.passwordMayTravelInClear()).isFalse();
    }

    @Test
    void withAUserDefaultsToRequiredStartTls() {
        SmtpSettings settings =
                SmtpSettings.of("smtp.example.com", 587, Optional.of("shop"), Optional.of("hunter22"), "a@b.cd");

        assertThat(settings.tls()).isEqualTo(SmtpSettings.Tls.STARTTLS_REQUIRED);
        assertThat(settings.passwordMayTravelInClear()).isFalse();
    }

    @Test
    void aUserOverAnUnencryptedPolicyIsFlagged() {
        for (SmtpSettings.Tls tls :
                new SmtpSettings.Tls[] {SmtpSettings.Tls.NONE, SmtpSettings.Tls.STARTTLS_OPTIONAL}) {
            SmtpSettings settings = SmtpSettings.of(
                    "smtp.example.com", 587, Optional.of("shop"), Optional.of("hunter22"), "a@b.cd", tls);

            assertThat(settings.passwordMayTravelInClear()).as(tls.name()).isTrue();
        }
    }

    @Test
    void propertiesMapEachPolicyToJakartaMail() throws Exception {
        jakarta.mail.internet.InternetAddress from = new jakarta.mail.internet.InternetAddress("a@b.cd");

        assertThat(SmtpMailer.properties(settings(SmtpSettings.Tls.TLS), from))
                .containsEntry("mail.smtp.ssl.enable", "true")
                .containsEntry("mail.smtp.starttls.enable", "false")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true");
        assertThat(SmtpMailer.properties(settings(SmtpSettings.Tls.STARTTLS_REQUIRED), from))
                .containsEntry("mail.smtp.ssl.enable", "false")
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true");
        assertThat(SmtpMailer.properties(settings(SmtpSettings.Tls.STARTTLS_OPTIONAL), from))
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "false");
        assertThat(SmtpMailer.properties(settings(SmtpSettings.Tls.NONE), from))
                .containsEntry("mail.smtp.ssl.enable", "false")
                .containsEntry("mail.smtp.starttls.enable", "false");
    }

    private static SmtpSettings settings(SmtpSettings.Tls tls) {
        return SmtpSettings.of("smtp.example.com", 465, Optional.empty(), Optional.empty(), "a@b.cd", tls);
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
