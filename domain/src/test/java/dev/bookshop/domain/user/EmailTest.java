package dev.bookshop.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @Test
    void isTrimmedAndLowerCased() {
        assertThat(Email.of("  Ann@Example.COM \t").value()).isEqualTo("ann@example.com");
    }

    @Test
    void addressesThatDifferOnlyInCaseOrSpacesAreOneAccount() {
        assertThat(Email.of(" Ann@Example.com ")).isEqualTo(Email.of("ann@example.com"));
        assertThat(Email.of("ANN@EXAMPLE.COM")).hasSameHashCodeAs(Email.of("ann@example.com"));
    }

    @Test
    void printsItsNormalisedValue() {
        assertThat(Email.of("Ann@Example.com")).hasToString("ann@example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a.b+tag@sub.example.co.uk",
                "ann@example.com",
                "o'brien@example.ie",
                "first_last-99@example-shop.com",
                "x@a1.io",
                "jörg@müller.de",
                "user%relay@example.org"
            })
    void acceptsUnusualButValidAddresses(String raw) {
        assertThat(Email.of(raw).value()).isEqualTo(raw);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "   ",
                "plainaddress",
                "@example.com",
                "ann@",
                "ann@example",
                "ann@@example.com",
                "ann smith@example.com",
                "ann@exa mple.com",
                "ann@-example.com",
                "ann@example-.com",
                "ann@example..com",
                "ann@.example.com",
                "ann@example.com.",
                "\"ann\"@example.com",
                "ann<x>@example.com",
                "ann@[127.0.0.1]"
            })
    void refusesWhatCannotBeAnAddress(String raw) {
        assertThatThrownBy(() -> Email.of(raw)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theLocalPartIsAtMost64Characters() {
        assertThat(Email.of("a".repeat(64) + "@example.com").value()).startsWith("a".repeat(64));
        assertThatThrownBy(() -> Email.of("a".repeat(65) + "@example.com")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theWholeAddressIsAtMost254Characters() {
        String domain = ("d".repeat(60) + ".").repeat(4) + "com"; // 247 characters
        String fits = "a".repeat(Email.MAX_LENGTH - domain.length() - 1) + "@" + domain;
        String tooLong = "a" + fits;

        assertThat(fits).hasSize(Email.MAX_LENGTH);
        assertThat(Email.of(fits).value()).hasSize(Email.MAX_LENGTH);
        assertThatThrownBy(() -> Email.of(tooLong)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void controlCharactersAreNoPartOfAnAddress() {
        assertThatThrownBy(() -> Email.of("a\u0000b@example.com")).isInstanceOf(InvalidValueException.class);
    }
}
