package dev.bookshop.domain.address;

import java.util.Objects;
import java.util.Optional;

/**
 * A partial edit of an address, part by part as a client writes it: an empty part keeps what is there, a given one
 * replaces it. Giving a blank text clears an optional part (line2, region, phone) and is refused for a required one.
 */
public record AddressChanges(
        Optional<String> name,
        Optional<String> line1,
        Optional<String> line2,
        Optional<String> city,
        Optional<String> postalCode,
        Optional<String> region,
        Optional<String> country,
        Optional<String> phone) {

    public AddressChanges {
        Objects.requireNonNull(name);
        Objects.requireNonNull(line1);
        Objects.requireNonNull(line2);
        Objects.requireNonNull(city);
        Objects.requireNonNull(postalCode);
        Objects.requireNonNull(region);
        Objects.requireNonNull(country);
        Objects.requireNonNull(phone);
    }

    /** Changes nothing. */
    public static AddressChanges none() {
        Optional<String> keep = Optional.empty();
        return new AddressChanges(keep, keep, keep, keep, keep, keep, keep, keep);
    }

    /** The address with these changes, checked as a whole like a new one. */
    public PostalAddress applyTo(PostalAddress current) {
        return PostalAddress.of(
                name.orElse(current.name()),
                line1.orElse(current.line1()),
                line2.orElse(current.line2().orElse(null)),
                city.orElse(current.city()),
                postalCode.orElse(current.postalCode()),
                region.orElse(current.region().orElse(null)),
                country.orElse(current.country().value()),
                phone.orElse(current.phone().orElse(null)));
    }
}
