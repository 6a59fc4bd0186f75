package dev.bookshop.adapters.web.security;

import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.http.WebError;
import dev.bookshop.adapters.web.http.WebException;
import dev.bookshop.domain.user.Role;
import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.MDC;

/**
 * Guards routes by their {@link Access}: public routes ignore credentials, customer routes need a valid bearer token
 * (401), admin routes also need the ADMIN role in it (403). Cart routes take a bearer token or, without one, a guest
 * cart token in {@value #CART_TOKEN_HEADER}; a bearer token wins when both are sent, so a client that kept a guest
 * token after signing in still changes the account's cart. Handlers read the verified caller with {@link #caller},
 * and the guest token (checked by the use case, not here) with {@link #cartToken}.
 */
public final class Authenticator {

    private static final String CALLER = "bookshop.caller";
    private static final String BEARER = "Bearer ";
    private static final String CART_TOKEN = "bookshop.cartToken";

    public static final String CART_TOKEN_HEADER = "X-Cart-Token";

    private final AccessTokens tokens;

    public Authenticator(AccessTokens tokens) {
        this.tokens = Objects.requireNonNull(tokens);
    }

    /** Runs before every matched route. */
    public void guard(Context ctx) {
        Access access = accessOf(ctx.routeRoles());
        if (access == Access.PUBLIC) {
            return;
        }
        if (access == Access.CART && ctx.header("Authorization") == null) {
            String cartToken = ctx.header(CART_TOKEN_HEADER);
            if (cartToken == null || cartToken.isBlank()) {
                throw WebException.unauthenticated("Sign in, or send " + CART_TOKEN_HEADER
                        + ": <token> with a guest cart's token from POST /api/v1/carts.");
            }
            ctx.attribute(CART_TOKEN, cartToken.strip());
            return;
        }
        Caller caller = tokens.verify(bearerToken(ctx));
        ctx.attribute(CALLER, caller);
        MDC.put("userId", caller.userId().toString());
        if (access == Access.ADMIN && caller.role() != Role.ADMIN) {
            throw new WebException(WebError.FORBIDDEN, "This route is for administrators.");
        }
    }

    public static Caller caller(Context ctx) {
        Caller caller = ctx.attribute(CALLER);
        if (caller == null) {
            // Only reachable if a route that reads the caller was registered as public: a wiring mistake.
            throw WebException.unauthenticated("Sign in to use this route.");
        }
        return caller;
    }

    public static Optional<Caller> callerIfAny(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CALLER));
    }

    /** The guest cart token a cart route was called with instead of a bearer token. */
    public static Optional<String> cartToken(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CART_TOKEN));
    }

    static Access accessOf(Set<RouteRole> roles) {
        if (roles.contains(Access.ADMIN)) {
            return Access.ADMIN;
        }
        if (roles.contains(Access.CUSTOMER)) {
            return Access.CUSTOMER;
        }
        if (roles.contains(Access.CART)) {
            return Access.CART;
        }
        return Access.PUBLIC;
    }

    private static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw WebException.unauthenticated("Sign in to use this route: send Authorization: Bearer <token>.");
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw WebException.unauthenticated("Only bearer tokens are accepted.");
        }
        String token = header.substring(BEARER.length()).strip();
        if (token.isEmpty()) {
            throw WebException.unauthenticated("The bearer token is empty.");
        }
        return token;
    }
}
