package dev.bookshop.domain.auth;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/**
 * A reset or verification token that is unknown, used, expired, of another kind, or whose account may no longer act.
 * Callers learn no more than that, so a guess tells nothing about which tokens exist.
 */
public final class InvalidTokenException extends DomainException {

    public InvalidTokenException() {
        super("the link is invalid or has expired");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_TOKEN;
    }
}
