package dev.bookshop.application.shipping.port.in;

import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.shipping.ShippingMethod;
import java.util.List;

/** What a customer may choose from for a parcel to one country. */
public interface ListShippingMethodsUseCase {

    /** The active methods serving {@code country}, cheapest first (then by name); empty when none does. */
    List<ShippingMethod> shippingMethodsFor(CountryCode country);
}
