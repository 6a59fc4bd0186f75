package dev.bookshop.adapters.web.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.ValidationException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A JSON object request body, read strictly: wrong JSON types are malformed input (400), while missing or
 * out-of-range values are rule violations (422) that {@link Violations} names by field. Reading by hand rather than
 * binding to classes keeps "absent" and "null" apart, which partial updates need.
 */
public final class JsonBody {

    private final ObjectNode node;

    private JsonBody(ObjectNode node) {
        this.node = node;
    }

    /** Reads the body of a JSON endpoint: 415 unless it is declared JSON, 413 past the size limit, 400 unless an object. */
    public static JsonBody read(Context ctx, ObjectMapper json) {
        // The raw header: the servlet API's parsed content type throws on an unknown charset parameter (a 500),
        // and JSON is UTF-8 whatever the parameter says (RFC 8259), which Jackson detects from the bytes.
        if (!isJson(ctx.header("Content-Type"))) {
            throw new WebException(WebError.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            throw WebException.malformedJson("The request body is empty; send a JSON object.");
        }
        JsonNode parsed;
        try {
            parsed = json.readTree(bytes);
        } catch (JacksonException e) {
            throw WebException.malformedJson("The request body is not valid JSON.");
        } catch (java.io.IOException e) {
            throw WebException.malformedJson("The request body could not be read.");
        }
        if (!(parsed instanceof ObjectNode object)) {
            throw WebException.malformedJson("The request body must be a JSON object.");
        }
        return new JsonBody(object);
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json")
                || (mediaType.startsWith("application/") && mediaType.endsWith("+json"));
    }

    /** Whether the field is present at all, even as null. */
    public boolean has(String field) {
        return node.has(field);
    }

    /** Present and explicitly null: for partial updates, "clear this field". */
    public boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    public Optional<String> text(String field) {
        return rawText(field).map(text -> withoutNul(field, text));
    }

    private Optional<String> rawText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw wrongType(field, "a string");
        }
        return Optional.of(value.textValue());
    }

    /**
     * Text with a NUL character is refused as a rule violation on its field: PostgreSQL cannot store or compare it
     * (the query would fail, a 500), and no name, address or password of the shop needs one.
     */
    static String withoutNul(String field, String text) {
        if (text.indexOf('\u0000') >= 0) {
            throw ValidationException.of(field, "must not contain NUL characters");
        }
        return text;
    }

    public String requiredText(String field) {
        return text(field).orElseThrow(() -> required(field));
    }

    public Optional<Boolean> bool(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isBoolean()) {
            throw wrongType(field, "true or false");
        }
        return Optional.of(value.booleanValue());
    }

    /** A whole number; one past the range of a long is a rule violation, a fraction or a string is malformed. */
    public Optional<Long> whole(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isIntegralNumber()) {
            throw wrongType(field, "a whole number");
        }
        if (!value.canConvertToLong()) {
            throw new InvalidValueException(field + " is out of range");
        }
        return Optional.of(value.longValue());
    }

    public long requiredWhole(String field) {
        return whole(field).orElseThrow(() -> required(field));
    }

    public Optional<Integer> integer(String field) {
        return whole(field).map(n -> toInt(field, n));
    }

    public int requiredInteger(String field) {
        return toInt(field, requiredWhole(field));
    }

    public Optional<List<String>> texts(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isArray()) {
            throw wrongType(field, "an array of strings");
        }
        List<String> items = new ArrayList<>(value.size());
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw wrongType(field, "an array of strings");
            }
            items.add(withoutNul(field, item.textValue()));
        }
        return Optional.of(items);
    }

    /** A nested JSON object; anything but an object (or null) is malformed. */
    public Optional<JsonBody> object(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!(value instanceof ObjectNode nested)) {
            throw wrongType(field, "an object");
        }
        return Optional.of(new JsonBody(nested));
    }

    /** One of the constants by its exact name; anything else (a NUL included) is malformed, like a wrong type. */
    public <E extends Enum<E>> Optional<E> enumValue(String field, Class<E> type) {
        return rawText(field).map(name -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            throw WebException.malformedJson(field + " must be one of " + List.of(type.getEnumConstants()) + ".");
        });
    }

    private static int toInt(String field, long value) {
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new InvalidValueException(field + " is out of range");
        }
        return (int) value;
    }

    private static InvalidValueException required(String field) {
        return new InvalidValueException(field + " is required");
    }

    private static WebException wrongType(String field, String expected) {
        return WebException.malformedJson(field + " must be " + expected + ".");
    }
}
