package dev.bookshop.domain.order;

import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;

/** Refused because a checkout key came back with a different cart than the one it first paid for. */
public final class IdempotencyKeyReusedException extends DomainException {

    public IdempotencyKeyReusedException() {
        super("this idempotency key was used for a different checkout");
    }

    @Override
    public ErrorCode code() {
        return ErrorCode.IDEMPOTENCY_KEY_REUSED;
    }
}
