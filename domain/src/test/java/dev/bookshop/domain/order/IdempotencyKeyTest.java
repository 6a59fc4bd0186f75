package dev.bookshop.domain.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "7c9e6679-7425-40de-944b-e07fc1f90ae7", "checkout:2026-04-01#1", "!~"})
    void acceptsVisibleAscii(String value) {
        assertThat(new IdempotencyKey(value).value()).isEqualTo(value);
        assertThat(new IdempotencyKey(value)).hasToString(value);
    }

    @Test
    void isAtMost255Characters() {
        assertThat(new IdempotencyKey("k".repeat(IdempotencyKey.MAX_LENGTH)).value())
                .hasSize(IdempotencyKey.MAX_LENGTH);
        assertThatThrownBy(() -> new IdempotencyKey("k".repeat(IdempotencyKey.MAX_LENGTH + 1)))
                .isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "with space", "tab\there", "new\nline", "ümlaut", "del\u007f", "nul\u0000"})
    void refusesEverythingElse(String value) {
        assertThatThrownBy(() -> new IdempotencyKey(value)).isInstanceOf(InvalidValueException.class);
    }
}
