package dev.bookshop.domain.user;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** A new verification mail asked for an address that is already verified. */
public final class EmailAlreadyVerifiedException extends DomainException {

    public EmailAlreadyVerifiedException() {
        super("the email address is already verified");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.EMAIL_ALREADY_VERIFIED;
    }
}
