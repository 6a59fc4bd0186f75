package dev.bookshop.domain.common;

import java.util.Locale;
import java.util.Set;

/**
 * A country as ISO 3166-1 alpha-2, upper case ({@code DE}, {@code IE}). Addresses, shipping zones and tax rates all
 * speak of countries; one value keeps them agreeing on what a country is.
 */
public record CountryCode(String value) {

    private static final Set<String> ISO_COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

    public CountryCode {
        if (value == null || !ISO_COUNTRIES.contains(value)) {
            throw new InvalidValueException("country must be an ISO 3166-1 alpha-2 code such as DE");
        }
    }

    /** Reads a code as a client sends it: surrounding blanks and lower case are forgiven, anything else is refused. */
    public static CountryCode parse(String text) {
        if (text == null) {
            throw new InvalidValueException("country must be an ISO 3166-1 alpha-2 code such as DE");
        }
        return new CountryCode(text.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
