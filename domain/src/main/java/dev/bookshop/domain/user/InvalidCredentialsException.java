package dev.bookshop.domain.user;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** Login refused. Deliberately says nothing about which part was wrong or whether the account exists. */
public final class InvalidCredentialsException extends DomainException {

    public InvalidCredentialsException() {
        super("email or password is wrong");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_CREDENTIALS;
    }
}
