package dev.bookshop.adapters.web.http;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.bookshop.domain.common.FieldViolation;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An RFC 9457 problem document. {@code errors} appears on validation failures only; {@code extensions} carries
 * refusal data such as the product ids that ran out of stock.
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance", "code", "errors"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        List<FieldError> errors,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        errors = errors == null ? null : List.copyOf(errors);
        extensions = Map.copyOf(extensions);
    }

    public static Problem of(String code, String title, int status, String detail, String instance) {
        return new Problem(typeFor(code), title, status, detail, instance, code, null, Map.of());
    }

    public Problem withErrors(List<FieldViolation> violations) {
        return new Problem(
                type,
                title,
                status,
                detail,
                instance,
                code,
                violations.stream()
                        .map(v -> new FieldError(v.field(), v.message()))
                        .toList(),
                extensions);
    }

    public Problem withExtension(String name, Object value) {
        var more = new java.util.LinkedHashMap<>(extensions);
        more.put(name, value);
        return new Problem(type, title, status, detail, instance, code, errors, more);
    }

    @JsonAnyGetter
    public Map<String, Object> extensionMembers() {
        return extensions;
    }

    /** A stable, non-resolvable URI per code: clients branch on {@code code}, the type only names it. */
    static String typeFor(String code) {
        return "urn:bookshop:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** "INSUFFICIENT_STOCK" reads "Insufficient stock". */
    static String titleFor(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** One broken rule on one input field. */
    public record FieldError(String field, String message) {}
}
