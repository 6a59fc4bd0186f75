package dev.bookshop.domain.user;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** A deactivated account tried to act. */
public final class UserInactiveException extends DomainException {

    private final UserId userId;

    public UserInactiveException(UserId userId) {
        super("account " + userId + " is deactivated");
        this.userId = userId;
    }

    public UserId userId() {
        return userId;
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.USER_INACTIVE;
    }
}
