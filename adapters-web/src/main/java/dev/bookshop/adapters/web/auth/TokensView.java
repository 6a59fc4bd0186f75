package dev.bookshop.adapters.web.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.bookshop.adapters.web.cart.CartMergeView;

/**
 * The answer to login and refresh: a short-lived access token and the refresh token that continues the session; a
 * login sent with a guest cart token also tells what became of that cart ({@code cartMerge}, absent otherwise).
 */
public record TokensView(
        String accessToken,
        String tokenType,
        long expiresIn,
        String refreshToken,
        long refreshExpiresIn,
        @JsonInclude(JsonInclude.Include.NON_NULL) CartMergeView cartMerge) {

    public TokensView(
            String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {
        this(accessToken, tokenType, expiresIn, refreshToken, refreshExpiresIn, null);
    }

    TokensView withCartMerge(CartMergeView merge) {
        return new TokensView(accessToken, tokenType, expiresIn, refreshToken, refreshExpiresIn, merge);
    }
}
