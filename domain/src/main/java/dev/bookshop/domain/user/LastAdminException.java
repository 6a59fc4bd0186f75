package dev.bookshop.domain.user;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** Refused because the shop would be left without an active administrator. */
public final class LastAdminException extends DomainException {

    public LastAdminException() {
        super("the last active administrator cannot be deactivated or demoted");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.LAST_ADMIN;
    }
}
