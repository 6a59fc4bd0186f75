package dev.bookshop.adapters.web.address;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.address.SavedAddress;

/** A saved address as the API shows it; optional parts the address does not have are left out. */
public record AddressView(
        String id,
        String name,
        String line1,
        @JsonInclude(JsonInclude.Include.NON_NULL) String line2,
        String city,
        String postalCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) String region,
        String country,
        @JsonInclude(JsonInclude.Include.NON_NULL) String phone) {

    public static AddressView of(SavedAddress saved) {
        PostalAddress address = saved.address();
        return new AddressView(
                saved.id().toString(),
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
