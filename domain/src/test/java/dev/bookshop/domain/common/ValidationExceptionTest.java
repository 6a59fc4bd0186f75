package dev.bookshop.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

    @Test
    void namesEveryBrokenFieldAndLeadsWithTheFirst() {
        var e = new ValidationException(List.of(
                new FieldViolation("email", "must be a valid email address"),
                new FieldViolation("password", "too short")));

        assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("email", "password");
        assertThat(e).hasMessage("email: must be a valid email address");
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
    }

    @Test
    void keepsItsOwnCopyOfTheViolations() {
        List<FieldViolation> violations = new ArrayList<>(List.of(new FieldViolation("title", "blank")));
        var e = new ValidationException(violations);

        violations.add(new FieldViolation("author", "blank"));

        assertThat(e.violations()).hasSize(1);
    }

    @Test
    void needsAtLeastOneViolation() {
        assertThatThrownBy(() -> new ValidationException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofBuildsASingleViolation() {
        assertThat(ValidationException.of("quantity", "must be at least 1").violations())
                .containsExactly(new FieldViolation("quantity", "must be at least 1"));
    }

    @Test
    void fieldNamesARefusalByTheCallersFieldUnlessTheValueNamesItsOwn() {
        assertThatThrownBy(() -> ValidationException.field("set", () -> {
                    throw new InvalidValueException("stock must not be negative");
                }))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(new FieldViolation("set", "stock must not be negative")));
        assertThatThrownBy(() -> ValidationException.field("details", () -> Text.required(" ", "title", 10)))
                .isInstanceOfSatisfying(
                        ValidationException.class,
                        e -> assertThat(e.violations())
                                .containsExactly(new FieldViolation("title", "title must not be blank")));
    }
}
