package dev.bookshop.application.account.port.in;

/**
 * Trades a refresh token for a new session in the same token family; the token presented is revoked. Presenting a
 * revoked token again revokes every token of its user.
 */
public interface RefreshSessionUseCase {
    Session refresh(String refreshToken);
}
