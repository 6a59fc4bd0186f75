package dev.bookshop.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IsbnTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0306406152, 0306406152",
        "0-306-40615-2, 0306406152",
        "0 306 40615 2, 0306406152",
        "0-8044-2957-X, 080442957X",
        "080442957x, 080442957X",
        "9780306406157, 9780306406157",
        "978-0-306-40615-7, 9780306406157",
        "978-0-261-10334-4, 9780261103344",
        "979-10-90636-07-1, 9791090636071"
    })
    void acceptsValidIsbnsAndStoresThemWithoutSeparators(String raw, String stored) {
        Isbn isbn = Isbn.of(raw);

        assertThat(isbn.value()).isEqualTo(stored);
        assertThat(isbn).hasToString(stored);
        assertThat(isbn).isEqualTo(Isbn.of(stored));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "0306406153", // ISBN-10, wrong check digit
                "0-8044-2957-9", // should be X
                "9780306406158", // ISBN-13, wrong check digit
                "978-0-306-40615-0",
                "9770306406158", // check digit right, but not a book prefix
                "030640615", // too short
                "03064061522", // eleven digits
                "X306406152", // X only as the last ISBN-10 digit
                "978030640615X", // never X in an ISBN-13
                "isbn0306406152",
                "----"
            })
    void refusesAnythingElse(String raw) {
        assertThatThrownBy(() -> Isbn.of(raw)).isInstanceOf(InvalidValueException.class);
    }
}
