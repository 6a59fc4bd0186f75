package dev.bookshop.domain.shipping;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** The shop ships its books and the checkout chose no way to send them. */
public final class ShippingMethodRequiredException extends DomainException {

    public ShippingMethodRequiredException() {
        super("a shipping method is required: send shippingMethodId (GET /shipping-methods?country= lists them)");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.SHIPPING_METHOD_REQUIRED;
    }
}
