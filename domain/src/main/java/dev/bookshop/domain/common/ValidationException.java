package dev.bookshop.domain.common;

import java.util.List;
import java.util.function.Supplier;

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

    /**
     * Runs a value object's construction for one named input field, turning its refusal into a validation failure
     * that names the field (or the part of it the value itself names).
     */
    public static <T> T field(String field, Supplier<T> construction) {
        try {
            return construction.get();
        } catch (InvalidValueException e) {
            throw new ValidationException(List.of(e.violation(field)));
        }
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.VALIDATION_FAILED;
    }
}
