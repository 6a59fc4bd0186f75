package dev.bookshop.domain.user;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** An operation reserved for active administrators was attempted by someone else. */
public final class NotAdminException extends DomainException {

    public NotAdminException() {
        super("administrators only");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.NOT_ADMIN;
    }
}
