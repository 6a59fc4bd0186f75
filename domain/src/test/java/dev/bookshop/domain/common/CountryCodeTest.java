package dev.bookshop.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CountryCodeTest {

    @Test
    void aClientsSpellingIsForgivenCaseAndBlanks() {
        assertThat(CountryCode.parse(" de ")).isEqualTo(new CountryCode("DE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "D", "DEU", "XX", "ZZ", "EU", "d e", "1A"})
    void whatIsNotAnIsoCountryIsRefused(String text) {
        assertThatThrownBy(() -> CountryCode.parse(text)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theStrictFormRefusesLowerCase() {
        assertThatThrownBy(() -> new CountryCode("de")).isInstanceOf(InvalidValueException.class);
    }
}
