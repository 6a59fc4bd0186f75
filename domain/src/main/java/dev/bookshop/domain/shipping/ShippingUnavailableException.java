package dev.bookshop.domain.shipping;

import dev.bookshop.domain.common.CountryCode;
import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;
import java.util.Optional;

/**
 * The chosen shipping method cannot take this parcel: there is no such method, it is no longer offered, or it does
 * not reach the destination country. The three are one refusal, as the customer's remedy is the same: pick another.
 */
public final class ShippingUnavailableException extends DomainException {

    private final ShippingMethodId methodId;
    private final Optional<CountryCode> country;

    public ShippingUnavailableException(ShippingMethodId methodId, Optional<CountryCode> country) {
        super("shipping method " + methodId + " is not available"
                + country.map(c -> " for " + c).orElse(""));
        this.methodId = methodId;
        this.country = country;
    }

    public ShippingMethodId methodId() {
        return methodId;
    }

    public Optional<CountryCode> country() {
        return country;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.SHIPPING_UNAVAILABLE;
    }
}
