package dev.bookshop.domain.common;

import java.util.List;

/** Input that is well-formed but breaks one or more rules, named field by field. */
public final class ValidationException extends DomainException {

    private final List<FieldViolation> violations;

    public ValidationException(List<FieldViolation> violations) {
        super(
                violations.isEmpty()
                        ? "invalid input"
                        : violations.getFirst().field() + ": "
                                + violations.getFirst().message());
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure names at least one field");
        }
        this.violations = List.copyOf(violations);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.VALIDATION_FAILED;
    }
}
