package dev.bookshop.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.application.housekeeping.service.Retention;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code HOUSEKEEPING_INTERVAL} and the retentions: defaults, reading, and one-line refusals. */
class HousekeepingSettingsTest {

    @Test
    void defaultsToHourlyRoundsAndTheDocumentedRetentions() {
        HousekeepingSettings settings = Settings.from(Map.of()).housekeeping();

        assertThat(settings.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.retention().processedEvents()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.retention().idempotencyKeys()).isEqualTo(Duration.ofDays(1));
        assertThat(settings.retention().sentMail()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.retention().batchSize()).isEqualTo(Retention.DEFAULT_BATCH_SIZE);
        assertThat(settings).isEqualTo(HousekeepingSettings.defaults());
    }

    @Test
    void readsEveryVariable() {
        HousekeepingSettings settings = Settings.from(Map.of(
                        "HOUSEKEEPING_INTERVAL", "PT10M",
                        "PROCESSED_EVENT_RETENTION", "P7D",
                        "IDEMPOTENCY_KEY_RETENTION", "PT12H",
                        "SENT_MAIL_RETENTION", "P90D"))
                .housekeeping();

        assertThat(settings.interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.retention())
                .isEqualTo(new Retention(
                        Duration.ofDays(7), Duration.ofHours(12), Duration.ofDays(90), Retention.DEFAULT_BATCH_SIZE));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "HOUSEKEEPING_INTERVAL|PT10S|HOUSEKEEPING_INTERVAL must be an ISO-8601 duration from PT1M to PT24H, got 'PT10S'",
                "HOUSEKEEPING_INTERVAL|P2D|HOUSEKEEPING_INTERVAL must be an ISO-8601 duration from PT1M to PT24H, got 'P2D'",
                "HOUSEKEEPING_INTERVAL|hourly|HOUSEKEEPING_INTERVAL must be an ISO-8601 duration from PT1M to PT24H, got 'hourly'",
                "PROCESSED_EVENT_RETENTION|P1D|PROCESSED_EVENT_RETENTION must be an ISO-8601 duration from PT72H to PT87600H, got 'P1D'",
                "PROCESSED_EVENT_RETENTION|-P30D|PROCESSED_EVENT_RETENTION must be an ISO-8601 duration from PT72H to PT87600H, got '-P30D'",
                "IDEMPOTENCY_KEY_RETENTION|PT0S|IDEMPOTENCY_KEY_RETENTION must be an ISO-8601 duration from PT1H to PT87600H, got 'PT0S'",
                "IDEMPOTENCY_KEY_RETENTION|1 day|IDEMPOTENCY_KEY_RETENTION must be an ISO-8601 duration from PT1H to PT87600H, got '1 day'",
                "SENT_MAIL_RETENTION|PT5M|SENT_MAIL_RETENTION must be an ISO-8601 duration from PT1H to PT87600H, got 'PT5M'",
            })
    void aBadValueIsRefusedWithOneLineNamingTheVariable(String name, String value, String message) {
        assertThatThrownBy(() -> Settings.from(Map.of(name, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(message);
    }
}
