package dev.bookshop.domain.common;

/** A value object refused its input; callers that know the field name turn it into a {@link ValidationException}. */
public final class InvalidValueException extends DomainException {

    public InvalidValueException(String message) {
        super(message);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.VALIDATION_FAILED;
    }
}
