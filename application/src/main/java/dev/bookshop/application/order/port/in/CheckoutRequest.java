package dev.bookshop.application.order.port.in;

import dev.bookshop.domain.address.AddressId;
import dev.bookshop.domain.address.PostalAddress;
import dev.bookshop.domain.common.ValidationException;
import dev.bookshop.domain.shipping.ShippingMethodId;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the customer chose for a checkout (or its quote): where the books go, either an entry of their address book or
 * an address written out for this order alone, how they are sent, and a discount code. All of it is optional here;
 * whether the shop needs an address and a method is the checkout's rule, not the request's.
 */
public record CheckoutRequest(
        Optional<AddressId> shippingAddressId,
        Optional<PostalAddress> shippingAddress,
        Optional<ShippingMethodId> shippingMethodId,
        Optional<String> discountCode) {

    /** No choices at all: what a release-1 client sends (an empty body). */
    public static final CheckoutRequest NONE =
            new CheckoutRequest(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public CheckoutRequest {
        Objects.requireNonNull(shippingAddressId, "shippingAddressId");
        Objects.requireNonNull(shippingAddress, "shippingAddress");
        Objects.requireNonNull(shippingMethodId, "shippingMethodId");
        Objects.requireNonNull(discountCode, "discountCode");
        if (shippingAddressId.isPresent() && shippingAddress.isPresent()) {
            throw ValidationException.of(
                    "shippingAddress", "send either shippingAddressId or shippingAddress, not both");
        }
    }

    /**
     * The choices as one canonical text, so a retried checkout key can tell the same request from another; empty for
     * {@link #NONE}, the request every checkout made before there were choices.
     */
    public String canonical() {
        if (equals(NONE)) {
            return "";
        }
        return Stream.of(
                        "addressId="
                                + shippingAddressId.map(AddressId::toString).orElse(""),
                        "address="
                                + shippingAddress
                                        .map(CheckoutRequest::canonical)
                                        .orElse(""),
                        "method="
                                + shippingMethodId
                                        .map(ShippingMethodId::toString)
                                        .orElse(""),
                        "discount=" + discountCode.orElse(""))
                .collect(Collectors.joining("\n"));
    }

    private static String canonical(PostalAddress a) {
        return Stream.of(
                        a.name(),
                        a.line1(),
                        a.line2().orElse(""),
                        a.city(),
                        a.postalCode(),
                        a.region().orElse(""),
                        a.country().value(),
                        a.phone().orElse(""))
                // Length-prefixed: no choice of text in one part can make two different addresses read the same.
                .map(part -> part.length() + ":" + part)
                .collect(Collectors.joining("|"));
    }
}
