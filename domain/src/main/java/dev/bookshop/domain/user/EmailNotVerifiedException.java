package dev.bookshop.domain.user;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** The shop asks for a verified address before this action, and the customer has not verified theirs yet. */
public final class EmailNotVerifiedException extends DomainException {

    public EmailNotVerifiedException() {
        super("verify your email address first");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.EMAIL_NOT_VERIFIED;
    }
}
