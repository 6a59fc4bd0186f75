package dev.bookshop.domain.address;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** The address book already holds as many addresses as an account may keep. */
public final class AddressBookFullException extends DomainException {

    private final int limit;

    public AddressBookFullException(int limit) {
        super("the address book holds " + limit + " addresses, the most an account may keep; delete one first");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.ADDRESS_BOOK_FULL;
    }
}
