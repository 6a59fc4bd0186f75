package dev.bookshop.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.InvalidValueException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordTest {

    @ParameterizedTest
    @ValueSource(ints = {Password.MIN_BYTES, 12, Password.MAX_BYTES})
    void aChosenPasswordHas8To72Bytes(int length) {
        assertThat(Password.chosen("p".repeat(length)).reveal()).hasSize(length);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, Password.MIN_BYTES - 1, Password.MAX_BYTES + 1, 200})
    void aChosenPasswordOutsideTheBoundsIsRefused(int length) {
        assertThatThrownBy(() -> Password.chosen("p".repeat(length))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void lengthIsCountedInUtf8BytesNotCharacters() {
        String fourUmlauts = "ääää"; // 4 characters, 8 bytes
        String thirtySevenUmlauts = "ä".repeat(37); // 37 characters, 74 bytes
        String eighteenEmoji = "🔒".repeat(18); // 36 UTF-16 units, 72 bytes

        assertThat(fourUmlauts.getBytes(StandardCharsets.UTF_8)).hasSize(8);
        assertThat(Password.chosen(fourUmlauts).reveal()).isEqualTo(fourUmlauts);
        assertThat(Password.chosen(eighteenEmoji).reveal()).isEqualTo(eighteenEmoji);
        assertThatThrownBy(() -> Password.chosen(thirtySevenUmlauts))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("72 bytes");
        assertThatThrownBy(() -> Password.chosen("ä".repeat(3) + "a")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aPasswordIsRequired() {
        assertThatThrownBy(() -> Password.chosen(null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Password.offered(null)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "short", "a-password-far-longer-than-seventy-two-bytes-which-bcrypt-would-silently-cut"})
    void anOfferedPasswordIsNeverRefusedForItsLength(String raw) {
        assertThat(Password.offered(raw).reveal()).isEqualTo(raw);
    }

    @Test
    void neverRevealsItselfWhenPrinted() {
        Password password = Password.chosen("correct horse battery");

        assertThat(password.toString()).doesNotContain("correct").doesNotContain("horse");
        assertThat(String.valueOf(Password.offered("hunter22"))).doesNotContain("hunter22");
    }
}
