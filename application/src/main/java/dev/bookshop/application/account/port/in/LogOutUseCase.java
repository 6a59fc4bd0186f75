package dev.bookshop.application.account.port.in;

/** Revokes one refresh token. Idempotent: unknown or already revoked tokens are fine. */
public interface LogOutUseCase {
    void logOut(String refreshToken);
}
