package dev.bookshop.adapters.web.address;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.address.SavedAddress;

/**
 * An address as the API shows it; optional parts the address does not have are left out. A saved entry has its
 * {@code id}; an order's copy of an address has none.
 */
public record AddressView(
        @JsonInclude(JsonInclude.Include.NON_NULL) String id,
        String name,
        String line1,
        @JsonInclude(JsonInclude.Include.NON_NULL) String line2,
        String city,
        String postalCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) String region,
        String country,
        @JsonInclude(JsonInclude.Include.NON_NULL) String phone) {

    public static AddressView of(SavedAddress saved) {
        return of(saved.id().toString(), saved.address());
    }

    /** An address that is no entry of a book: an order's own copy. */
    public static AddressView copyOf(PostalAddress address) {
        return of(null, address);
    }

    private static AddressView of(String id, PostalAddress address) {
        return new AddressView(
                id,
                address.name(),
                address.line1(),
                address.line2().orElse(null),
                address.city(),
                address.postalCode(),
                address.region().orElse(null),
                address.country().value(),
                address.phone().orElse(null));
    }
}
