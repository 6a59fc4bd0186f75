package dev.bookshop.domain.address;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** No such address, or it is in someone else's book: the two are deliberately indistinguishable. */
public final class AddressNotFoundException extends DomainException {

    public AddressNotFoundException(AddressId addressId) {
        super("no such address: " + addressId);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.ADDRESS_NOT_FOUND;
    }
}
