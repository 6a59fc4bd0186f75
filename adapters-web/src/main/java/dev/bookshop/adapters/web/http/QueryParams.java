package dev.bookshop.adapters.web.http;

import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Text;
import dev.bookshop.domain.common.ValidationException;
import io.javalin.http.Context;
import java.util.Optional;

/** Reads query parameters; unreadable values are rule violations on the named parameter (422). */
public final class QueryParams {

    private final Context ctx;

    public QueryParams(Context ctx) {
        this.ctx = ctx;
    }

    /** Absent and empty parameters are both "not given": {@code ?series=} filters nothing. */
    public Optional<String> text(String name) {
        Optional<String> value = Optional.ofNullable(ctx.queryParam(name)).filter(v -> !v.isEmpty());
        if (value.isPresent() && Text.hasControlCharacters(value.get())) {
            throw ValidationException.of(name, "must not contain control characters");
        }
        return value;
    }

    public Optional<Long> whole(String name) {
        return text(name).map(raw -> {
            try {
                return Long.parseLong(raw);
            } catch (NumberFormatException e) {
                throw new InvalidValueException("must be a whole number");
            }
        });
    }

    public Optional<Boolean> bool(String name) {
        return text(name).map(raw -> switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidValueException("must be true or false");
        });
    }

    /** {@code page} (1-based, default 1) and {@code size} (default 20, at most 100), with every violation named. */
    public PageRequest page(Violations violations) {
        Long page = violations.field("page", () -> whole("page").orElse(1L));
        Long size = violations.field("size", () -> whole("size").orElse((long) PageRequest.DEFAULT_SIZE));
        if (page == null || size == null) {
            return null;
        }
        return violations.field("page", () -> PageRequest.of(clamp(page), clamp(size)));
    }

    /** Huge numbers stay huge enough to fail the page rules instead of wrapping around. */
    private static int clamp(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
