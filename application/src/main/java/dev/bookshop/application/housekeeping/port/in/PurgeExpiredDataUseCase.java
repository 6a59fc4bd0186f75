package dev.bookshop.application.housekeeping.port.in;

/**
 * Deletes what the shop no longer needs (dead sessions' refresh tokens, old webhook de-duplication records, old
 * checkout keys, old sent mail, idle guest carts), in bounded batches, each row once however many instances run it
 * at the same time. What is still in use is kept. Answers what this call deleted.
 */
public interface PurgeExpiredDataUseCase {
    PurgeReport purgeExpired();
}
