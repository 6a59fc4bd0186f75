package dev.bookshop.domain.common;

import java.util.Objects;
import java.util.Optional;

/**
 * A value object refused its input. A value that knows which input field it checks names it, so a composite such as
 * a book's details can say which of its parts failed; otherwise the caller, who knows the field, names it when it
 * turns the refusal into a {@link ValidationException}.
 */
public final class InvalidValueException extends DomainException {

    private final String field;

    public InvalidValueException(String message) {
        super(message);
        this.field = null;
    }

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The input field this refusal is about, when the value that refused knows it. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** This refusal as a violation of its own field, or of {@code fallbackField} when it names none. */
    public FieldViolation violation(String fallbackField) {
        return new FieldViolation(field().orElse(fallbackField), getMessage());
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.VALIDATION_FAILED;
    }
}
