package dev.bookshop.domain.address;

import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.FieldViolation;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.common.Text;
import dev.bookshop.domain.common.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a parcel goes: a recipient, a street, a town and a country. Text is trimmed and bounded; blank optional parts
 * are absent. It stands on its own, apart from any address book, so an order can keep a copy that outlives the entry
 * it came from.
 *
 * <p>The constructor checks every part and names each broken one at once ({@link ValidationException}).
 */
public record PostalAddress(
        String name,
        String line1,
        Optional<String> line2,
        String city,
        String postalCode,
        Optional<String> region,
        CountryCode country,
        Optional<String> phone) {

    public static final int MAX_NAME = 100;
    public static final int MAX_LINE = 200;
    public static final int MAX_CITY = 100;
    public static final int MAX_POSTAL_CODE = 20;
    public static final int MAX_REGION = 100;
    public static final int MAX_PHONE = 30;

    private static final String COUNTRY_RULE = "country must be an ISO 3166-1 alpha-2 code such as DE";

    /** Digits, blanks and the signs people write numbers with; at least one digit. */
    private static final Pattern PHONE = Pattern.compile("[0-9 +()\\-]*[0-9][0-9 +()\\-]*");

    public PostalAddress {
        List<FieldViolation> found = new ArrayList<>();
        name = check(found, "name", name, v -> Text.required(v, "name", MAX_NAME));
        line1 = check(found, "line1", line1, v -> Text.required(v, "line1", MAX_LINE));
        line2 = check(found, "line2", line2, v -> optional(v, "line2", MAX_LINE));
        city = check(found, "city", city, v -> Text.required(v, "city", MAX_CITY));
        postalCode = check(found, "postalCode", postalCode, v -> Text.required(v, "postalCode", MAX_POSTAL_CODE));
        region = check(found, "region", region, v -> optional(v, "region", MAX_REGION));
        if (country == null) {
            found.add(new FieldViolation("country", COUNTRY_RULE));
        }
        phone = check(found, "phone", phone, PostalAddress::phone);
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }

    /**
     * An address as a client writes it: every part as text, a blank or null optional part absent, the country in any
     * case ({@link CountryCode#parse}). A country that is no ISO code is named with the other broken parts.
     */
    public static PostalAddress of(
            String name,
            String line1,
            String line2,
            String city,
            String postalCode,
            String region,
            String country,
            String phone) {
        return new PostalAddress(
                name,
                line1,
                Optional.ofNullable(line2),
                city,
                postalCode,
                Optional.ofNullable(region),
                parseCountry(country),
                Optional.ofNullable(phone));
    }

    /** Null when the text is no country: the constructor then names the country among the broken parts. */
    private static CountryCode parseCountry(String country) {
        try {
            return CountryCode.parse(country);
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static Optional<String> optional(Optional<String> value, String what, int maxLength) {
        return Text.optional(value == null ? null : value.orElse(null), what, maxLength);
    }

    private static Optional<String> phone(Optional<String> value) {
        Optional<String> checked = optional(value, "phone", MAX_PHONE);
        if (checked.isPresent() && !PHONE.matcher(checked.get()).matches()) {
            throw new InvalidValueException("phone", "phone may hold digits, blanks, +, (, ) and - only");
        }
        return checked;
    }

    private static <V, T> T check(List<FieldViolation> found, String field, V value, Function<V, T> part) {
        try {
            return part.apply(value);
        } catch (InvalidValueException e) {
            found.add(e.violation(field));
            return null;
        }
    }
}
