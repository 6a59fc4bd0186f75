package dev.bookshop.application.shared.query;

import dev.bookshop.domain.common.FieldViolation;
import dev.bookshop.domain.common.ValidationException;
import java.util.ArrayList;
import java.util.List;

/** Which page of a list to read: 1-based page number, 1 to 100 items a page. */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public PageRequest {
        List<FieldViolation> violations = new ArrayList<>();
        if (page < 1) {
            violations.add(new FieldViolation("page", "must be at least 1"));
        }
        if (size < 1 || size > MAX_SIZE) {
            violations.add(new FieldViolation("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    public static PageRequest first() {
        return new PageRequest(1, DEFAULT_SIZE);
    }

    public static PageRequest of(int page, int size) {
        return new PageRequest(page, size);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
