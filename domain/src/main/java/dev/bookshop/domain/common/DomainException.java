package dev.bookshop.domain.common;

/**
 * A business refusal. Each subclass carries the data a caller needs to explain it and one stable {@link ErrorCode};
 * adapters map codes to their own protocol in one place.
 */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String message) {
        super(message, null, false, false);
    }

    public abstract ErrorCode code();
}
