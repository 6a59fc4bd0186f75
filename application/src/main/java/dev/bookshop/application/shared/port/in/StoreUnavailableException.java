package dev.bookshop.application.shared.port.in;

/**
 * The store could not be reached: no connection to the database, or the one in use broke. Nothing the caller asked
 * for is known to have happened; the same call may succeed once the store is back. Any storage port and the
 * {@link dev.bookshop.application.shared.port.out.TransactionRunner} may throw it, and so any use case may: it is part of every in-port's contract, which is
 * why it lives here, where a driving adapter can name it and answer "try again" rather than "bug".
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
