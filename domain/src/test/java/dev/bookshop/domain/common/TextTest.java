package dev.bookshop.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    @Test
    void requiredTextIsTrimmed() {
        assertThat(Text.required("  The Hobbit \n", "title", 10)).isEqualTo("The Hobbit");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void requiredTextMustNotBeBlank(String value) {
        assertThatThrownBy(() -> Text.required(value, "title", 10))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("title must not be blank");
    }

    @Test
    void lengthIsCheckedAfterTrimming() {
        assertThat(Text.required("  abc  ", "title", 3)).isEqualTo("abc");
        assertThatThrownBy(() -> Text.required("abcd", "title", 3))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("title must be at most 3 characters");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void optionalTextTreatsBlankAsAbsent(String value) {
        assertThat(Text.optional(value, "series", 10)).isEmpty();
    }

    @Test
    void optionalTextIsTrimmedAndBounded() {
        assertThat(Text.optional(" Narnia ", "series", 10)).contains("Narnia");
        assertThatThrownBy(() -> Text.optional("x".repeat(11), "series", 10)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "bell\u0007", "esc\u001b[0m", "del\u007f"})
    void controlCharactersAreRefused(String value) {
        assertThatThrownBy(() -> Text.required(value, "title", 100))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("control characters");
        assertThat(Text.hasControlCharacters(value)).isTrue();
    }

    @Test
    void tabsAndLineBreaksAreText() {
        assertThat(Text.required("line one\nline two\tend", "description", 100)).isEqualTo("line one\nline two\tend");
    }
}
