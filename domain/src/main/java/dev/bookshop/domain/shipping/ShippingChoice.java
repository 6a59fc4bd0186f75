package dev.bookshop.domain.shipping;

import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a checkout sends its books and how, once checked against the shop's shipping. A shop with at least one active
 * method ships: then an address and a method serving its country are both required. A shop with none sells without
 * shipping; an address is then optional (it still fixes the destination's VAT rate) and a method, if named, must
 * still be one the shop offers for that country.
 */
public record ShippingChoice(Optional<PostalAddress> address, Optional<ShippingMethod> method) {

    /** Nothing is shipped: the shop has no shipping and the checkout named no address. */
    public static final ShippingChoice NONE = new ShippingChoice(Optional.empty(), Optional.empty());

    public ShippingChoice {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(method, "method");
        if (method.isPresent() && address.isEmpty()) {
            throw new IllegalArgumentException("a shipping method goes to an address");
        }
    }

    /**
     * Checks the checkout's choice, in the order a customer fixes it: the address first, then the method, then
     * whether the method can take the parcel.
     *
     * @param shopShips whether the shop has at least one active shipping method
     * @throws ShippingAddressRequiredException when the shop ships, or a method was chosen, and there is no address
     * @throws ShippingMethodRequiredException when the shop ships and no method was chosen
     * @throws ShippingUnavailableException when the method is inactive or does not serve the address's country
     */
    public static ShippingChoice choose(
            boolean shopShips, Optional<PostalAddress> address, Optional<ShippingMethod> method) {
        if (address.isEmpty() && (shopShips || method.isPresent())) {
            throw new ShippingAddressRequiredException();
        }
        if (method.isEmpty() && shopShips) {
            throw new ShippingMethodRequiredException();
        }
        method.ifPresent(m -> {
            CountryCode country = address.orElseThrow().country();
            if (!m.active() || !m.serves(country)) {
                throw new ShippingUnavailableException(m.id(), Optional.of(country));
            }
        });
        return new ShippingChoice(address, method);
    }

    /** The country the books go to, whose VAT rate they are sold at; empty when nothing is shipped. */
    public Optional<CountryCode> destination() {
        return address.map(PostalAddress::country);
    }

    /** What shipping costs for goods worth {@code discountedSubtotal}; nothing without a method. */
    public Money priceFor(Money discountedSubtotal) {
        return method.map(m -> m.priceFor(discountedSubtotal)).orElse(Money.ZERO);
    }
}
