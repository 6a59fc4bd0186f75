package dev.bookshop.domain.user;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** No such account. */
public final class UserNotFoundException extends DomainException {

    private final UserId userId;

    public UserNotFoundException(UserId userId) {
        super("no user " + userId);
        this.userId = userId;
    }

    public UserId userId() {
        return userId;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.USER_NOT_FOUND;
    }
}
