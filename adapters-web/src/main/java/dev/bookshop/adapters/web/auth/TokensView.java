package dev.bookshop.adapters.web.auth;

/** The answer to login and refresh: a short-lived access token and the refresh token that continues the session. */
public record TokensView(
        String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {}
