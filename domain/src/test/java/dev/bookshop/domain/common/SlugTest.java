package dev.bookshop.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            The Hobbit                         | the-hobbit
            the-hobbit                         | the-hobbit
            Les Misérables                     | les-miserables
            Crème brûlée: a how-to!            | creme-brulee-a-how-to
            "Harry Potter & the Philosopher's Stone" | harry-potter-the-philosophers-stone
            Children’s Books                   | childrens-books
            "  --Dune--  "                     | dune
            1984                               | 1984
            C++ in 21 days                     | c-in-21-days
            """)
    void derivesFromText(String text, String expected) {
        assertThat(Slug.fromText(text).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "!!!", "—", "日本語"})
    void textWithoutLatinLettersOrDigitsFallsBackToItem(String text) {
        assertThat(Slug.fromText(text).value()).isEqualTo("item");
    }

    @Test
    void longTextIsTruncatedLeavingRoomForASuffix() {
        Slug slug = Slug.fromText("a".repeat(500));

        assertThat(slug.value()).hasSize(Slug.MAX_LENGTH - 6);
        assertThat(slug.withSuffix(99_999).value()).hasSize(Slug.MAX_LENGTH);
    }

    @Test
    void truncationNeverLeavesATrailingDash() {
        // The cut falls just after a word, where a dash would be.
        String text = "a".repeat(Slug.MAX_LENGTH - 7) + " bcdef";

        Slug slug = Slug.fromText(text);

        assertThat(slug.value()).isEqualTo("a".repeat(Slug.MAX_LENGTH - 7));
        assertThat(Slug.looksLikeSlug(slug.value())).isTrue();
    }

    @Test
    void suffixOneIsTheSlugItselfThenNumbersFollow() {
        Slug slug = Slug.fromText("The Hobbit");

        assertThat(slug.withSuffix(1)).isEqualTo(slug);
        assertThat(slug.withSuffix(2).value()).isEqualTo("the-hobbit-2");
        assertThat(slug.withSuffix(3).value()).isEqualTo("the-hobbit-3");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void suffixesStartAtOne(int n) {
        Slug slug = new Slug("the-hobbit");

        assertThatThrownBy(() -> slug.withSuffix(n)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"the-hobbit", "a", "1984", "the-hobbit-2", "x1-y2-z3"})
    void acceptsWellShapedSlugs(String value) {
        assertThat(new Slug(value).value()).isEqualTo(value);
        assertThat(new Slug(value)).hasToString(value);
        assertThat(Slug.looksLikeSlug(value)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"The-Hobbit", "the hobbit", "-the-hobbit", "the-hobbit-", "the--hobbit", "the_hobbit", "é"})
    void refusesBadlyShapedSlugs(String value) {
        assertThatThrownBy(() -> new Slug(value)).isInstanceOf(InvalidValueException.class);
        assertThat(Slug.looksLikeSlug(value)).isFalse();
    }

    @Test
    void refusesSlugsLongerThanTheMaximum() {
        assertThat(new Slug("a".repeat(Slug.MAX_LENGTH)).value()).hasSize(Slug.MAX_LENGTH);
        assertThatThrownBy(() -> new Slug("a".repeat(Slug.MAX_LENGTH + 1))).isInstanceOf(InvalidValueException.class);
        assertThat(Slug.looksLikeSlug("a".repeat(Slug.MAX_LENGTH + 1))).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource({"Łódź,lodz", "Straße,strasse", "Æsop,aesop", "Ørsted,orsted"})
    void lettersWithoutADecompositionAreTransliteratedNotDropped(String text, String expected) {
        assertThat(Slug.fromText(text).value()).isEqualTo(expected);
    }
}
