package dev.bookshop.adapters.web.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads UUIDs from path segments; anything but the canonical form is a malformed id (400). */
public final class PathIds {

    private static final Pattern CANONICAL =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PathIds() {}

    public static UUID uuid(Context ctx, String name) {
        String raw = ctx.pathParam(name);
        if (!CANONICAL.matcher(raw).matches()) {
            throw new WebException(WebError.MALFORMED_ID, name + " must be a UUID.");
        }
        return UUID.fromString(raw);
    }

    /** Parses a UUID given as a query parameter or body value, as a rule violation when malformed. */
    public static UUID parse(String raw) {
        if (raw == null || !CANONICAL.matcher(raw).matches()) {
            throw new dev.bookshop.domain.common.InvalidValueException("must be a UUID");
        }
        return UUID.fromString(raw);
    }
}
