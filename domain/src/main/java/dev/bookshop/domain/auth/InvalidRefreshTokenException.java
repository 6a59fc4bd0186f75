package dev.bookshop.domain.auth;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** A refresh token that is unknown, expired, revoked, reused, or whose account is inactive. */
public final class InvalidRefreshTokenException extends DomainException {

    public InvalidRefreshTokenException(String reason) {
        super("refresh token refused: " + reason);
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.INVALID_REFRESH_TOKEN;
    }
}
