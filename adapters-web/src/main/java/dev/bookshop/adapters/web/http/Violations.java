package dev.bookshop.adapters.web.http;

import dev.bookshop.domain.common.FieldViolation;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects the broken rules of one request, field by field, so the client hears about all of them at once. Most value
 * objects refuse input without knowing the field's name, and this names it; a value that names its own field (a part
 * of a book's details, say) keeps that name.
 */
public final class Violations {

    private final List<FieldViolation> found = new ArrayList<>();

    /**
     * Converts one field; a refusal is recorded under {@code field} and answers null (the request fails at
     * {@link #throwIfAny()} anyway). Malformed JSON is not caught: that is a 400, not a rule.
     */
    public <T> T field(String field, Supplier<T> conversion) {
        try {
            return conversion.get();
        } catch (ValidationException e) {
            found.addAll(e.violations());
        } catch (InvalidValueException e) {
            found.add(e.violation(field));
        }
        return null;
    }

    public void add(String field, String message) {
        found.add(new FieldViolation(field, message));
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }
}
