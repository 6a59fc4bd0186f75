package dev.bookshop.domain.user;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** Signup or change refused: another account already uses this email. */
public final class EmailTakenException extends DomainException {

    public EmailTakenException() {
        super("email is already registered");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.EMAIL_TAKEN;
    }
}
