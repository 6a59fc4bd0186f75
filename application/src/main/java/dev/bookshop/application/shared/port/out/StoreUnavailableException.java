package dev.bookshop.application.shared.port.out;

/**
 * The store could not be reached: no connection to the database, or the one in use broke. Nothing the caller asked
 * for is known to have happened; the same call may succeed once the store is back. Any storage port and the
 * {@link TransactionRunner} may throw it.
 */
public class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
