package dev.bookshop.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.FieldViolation;
import dev.bookshop.domain.common.ValidationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BookDetailsTest {

    @Test
    void everyTextFieldIsTrimmed() {
        BookDetails details = new BookDetails(
                "  The Hobbit ",
                " Tolkien\n",
                Optional.of("  Middle-earth "),
                Optional.of(" There and back again. "),
                Optional.of(Isbn.of("978-0-261-10334-4")));

        assertThat(details.title()).isEqualTo("The Hobbit");
        assertThat(details.author()).isEqualTo("Tolkien");
        assertThat(details.series()).contains("Middle-earth");
        assertThat(details.description()).contains("There and back again.");
        assertThat(details.isbn()).contains(Isbn.of("9780261103344"));
    }

    @Test
    void blankOptionalTextIsAbsent() {
        BookDetails details =
                new BookDetails("The Hobbit", "Tolkien", Optional.of("   "), Optional.of(""), Optional.empty());

        assertThat(details.series()).isEmpty();
        assertThat(details.description()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void titleAndAuthorAreRequired(String blank) {
        assertThatThrownBy(
                        () -> new BookDetails(blank, "Tolkien", Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("title");
        assertThatThrownBy(() ->
                        new BookDetails("The Hobbit", blank, Optional.empty(), Optional.empty(), Optional.empty()))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("author");
    }

    @Test
    void everyFieldIsBounded() {
        assertThat(details(BookDetails.MAX_TITLE, 1, 1, 1).title()).hasSize(BookDetails.MAX_TITLE);
        assertThat(details(1, BookDetails.MAX_AUTHOR, 1, 1).author()).hasSize(BookDetails.MAX_AUTHOR);
        assertThat(details(1, 1, BookDetails.MAX_SERIES, 1).series())
                .get()
                .asString()
                .hasSize(BookDetails.MAX_SERIES);
        assertThat(details(1, 1, 1, BookDetails.MAX_DESCRIPTION).description())
                .get()
                .asString()
                .hasSize(BookDetails.MAX_DESCRIPTION);

        assertThatThrownBy(() -> details(BookDetails.MAX_TITLE + 1, 1, 1, 1)).hasMessageContaining("title");
        assertThatThrownBy(() -> details(1, BookDetails.MAX_AUTHOR + 1, 1, 1)).hasMessageContaining("author");
        assertThatThrownBy(() -> details(1, 1, BookDetails.MAX_SERIES + 1, 1)).hasMessageContaining("series");
        assertThatThrownBy(() -> details(1, 1, 1, BookDetails.MAX_DESCRIPTION + 1))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("description");
    }

    @Test
    void everyBrokenFieldIsNamedAtOnce() {
        assertThatThrownBy(() -> new BookDetails(
                        " ",
                        "a".repeat(BookDetails.MAX_AUTHOR + 1),
                        Optional.of("s".repeat(BookDetails.MAX_SERIES + 1)),
                        Optional.of("fine"),
                        Optional.empty()))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("title", "author", "series"));
        assertThatThrownBy(() -> details(1, 1, 1, BookDetails.MAX_DESCRIPTION + 1))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations())
                                .extracting(FieldViolation::field)
                                .containsExactly("description"));
    }

    @Test
    void withIsbnChangesOnlyTheIsbn() {
        BookDetails details = details(3, 3, 3, 3);
        Optional<Isbn> isbn = Optional.of(Isbn.of("978-0-261-10334-4"));

        assertThat(details.withIsbn(isbn))
                .isEqualTo(new BookDetails("ttt", "aaa", Optional.of("sss"), Optional.of("ddd"), isbn));
    }

    @Test
    void optionalFieldsAreNeverNull() {
        assertThatThrownBy(() -> new BookDetails("T", "A", null, Optional.empty(), Optional.empty()))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new BookDetails("T", "A", Optional.empty(), Optional.empty(), null))
                .isInstanceOf(NullPointerException.class);
    }

    private static BookDetails details(int title, int author, int series, int description) {
        return new BookDetails(
                "t".repeat(title),
                "a".repeat(author),
                Optional.of("s".repeat(series)),
                Optional.of("d".repeat(description)),
                Optional.empty());
    }
}
