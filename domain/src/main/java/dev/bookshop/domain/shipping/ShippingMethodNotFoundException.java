package dev.bookshop.domain.shipping;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** No shipping method has this id. */
public final class ShippingMethodNotFoundException extends DomainException {

    private final ShippingMethodId id;

    public ShippingMethodNotFoundException(ShippingMethodId id) {
        super("no such shipping method: " + id);
        this.id = id;
    }

    public ShippingMethodId id() {
        return id;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.SHIPPING_METHOD_NOT_FOUND;
    }
}
