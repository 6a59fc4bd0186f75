package dev.bookshop.domain.shipping;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** The shop ships its books, or the checkout chose a method, and no address says where to. */
public final class ShippingAddressRequiredException extends DomainException {

    public ShippingAddressRequiredException() {
        super("a shipping address is required: send shippingAddressId or shippingAddress");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.SHIPPING_ADDRESS_REQUIRED;
    }
}
