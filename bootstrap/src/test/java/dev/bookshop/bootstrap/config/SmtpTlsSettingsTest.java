package dev.bookshop.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.adapters.mail.SmtpSettings.Tls;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code SMTP_TLS}: its values, its defaults with and without a login, and the refusal of a password in clear. */
class SmtpTlsSettingsTest {

    @Test
    void withoutALoginOptionalStartTlsOnPort587KeepsALocalRelayWorking() {
        Settings settings = Settings.from(Map.of("SMTP_HOST", "relay.internal"));

        assertThat(settings.smtpTls()).isEqualTo(Tls.STARTTLS_OPTIONAL);
        assertThat(settings.smtpPort()).isEqualTo(587);
    }

    @Test
    void aLoginRequiresStartTlsByDefault() {
        Settings settings =
                Settings.from(Map.of("SMTP_HOST", "smtp.example.com", "SMTP_USER", "shop", "SMTP_PASSWORD", "x"));

        assertThat(settings.smtpTls()).isEqualTo(Tls.STARTTLS_REQUIRED);
    }

    @ParameterizedTest
    @CsvSource({
        "starttls, STARTTLS_REQUIRED",
        "STARTTLS, STARTTLS_REQUIRED",
        "starttls-optional, STARTTLS_OPTIONAL",
        "tls, TLS",
        "none, NONE"
    })
    void readsEachValue(String value, Tls expected) {
        assertThat(Settings.from(Map.of("SMTP_TLS", value)).smtpTls()).isEqualTo(expected);
    }

    @Test
    void implicitTlsDefaultsToPort465UnlessAPortIsGiven() {
        assertThat(Settings.from(Map.of("SMTP_TLS", "tls")).smtpPort()).isEqualTo(465);
        assertThat(Settings.from(Map.of("SMTP_TLS", "tls", "SMTP_PORT", "2465")).smtpPort())
                .isEqualTo(2465);
    }

    @Test
    void anUnknownValueStopsStartUpWithOneLine() {
        assertThatThrownBy(() -> Settings.from(Map.of("SMTP_TLS", "ssl")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("SMTP_TLS must be one of none, starttls, starttls-optional, tls, got 'ssl'");
    }

    @Test
    void aPasswordInClearToAnotherHostStopsStartUp() {
        assertThatThrownBy(() -> Settings.from(Map.of(
                        "SMTP_HOST", "smtp.example.com",
                        "SMTP_USER", "shop",
                        "SMTP_PASSWORD", "hunter22",
                        "SMTP_TLS", "none")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("SMTP_TLS=none would send SMTP_USER's password in clear to smtp.example.com: use"
                        + " SMTP_TLS=starttls or tls (none only for a relay on this host)")
                .message()
                .doesNotContain("hunter22");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"})
    void aPasswordInClearToARelayOnThisHostIsTheOperatorsChoice(String host) {
        Settings settings =
                Settings.from(Map.of("SMTP_HOST", host, "SMTP_USER", "shop", "SMTP_PASSWORD", "x", "SMTP_TLS", "none"));

        assertThat(settings.smtpTls()).isEqualTo(Tls.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.example.com", "localhost.example.com", "10.0.0.1"})
    void aNameThatOnlyLooksLocalIsNotLoopback(String host) {
        assertThat(Settings.isLoopback(host)).isFalse();
    }

    @Test
    void theTlsPolicyShowsInTheSettingsDump() {
        assertThat(Settings.from(Map.of("SMTP_HOST", "relay.internal")).toString())
                .contains("smtp=relay.internal (STARTTLS_OPTIONAL)");
    }
}
