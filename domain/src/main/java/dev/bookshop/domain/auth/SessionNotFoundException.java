package dev.bookshop.domain.auth;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/**
 * No live session of the caller's has that id: unknown, already ended, or someone else's. One answer for all three,
 * so an id tells nobody whether it belongs to another account.
 */
public final class SessionNotFoundException extends DomainException {

    public SessionNotFoundException(TokenFamilyId id) {
        super("no live session " + id);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.SESSION_NOT_FOUND;
    }
}
