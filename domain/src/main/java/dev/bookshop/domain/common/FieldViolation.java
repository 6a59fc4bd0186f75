package dev.bookshop.domain.common;

import java.util.Objects;

/** One broken rule on one named input field. */
public record FieldViolation(String field, String message) {
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
