package dev.bookshop.adapters.web.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.WebSettings.RateLimits;
import dev.bookshop.adapters.web.cart.CartMergeView;
import dev.bookshop.adapters.web.http.ClientAddresses;
import dev.bookshop.adapters.web.http.JsonBody;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.adapters.web.security.AccessTokens;
import dev.bookshop.adapters.web.security.Authenticator;
import dev.bookshop.adapters.web.security.RateLimiter;
import dev.bookshop.application.account.port.in.LogInUseCase;
import dev.bookshop.application.account.port.in.LogOutUseCase;
import dev.bookshop.application.account.port.in.RefreshSessionUseCase;
import dev.bookshop.application.account.port.in.Session;
import dev.bookshop.application.account.port.in.SignUpUseCase;
import dev.bookshop.application.cart.port.in.MergeGuestCartUseCase;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Signing up, logging in, refreshing and ending sessions: {@code /api/v1/auth/*}. A signup or login sent with
 * {@code X-Cart-Token} also merges that guest cart into the account, after the sign-in succeeded and in a
 * transaction of its own: a merge that fails (the database went away) fails the answer, and the client's retry finds
 * the guest cart still there. A token that names no live cart merges nothing and refuses nothing: the answer carries
 * an empty {@code cartMerge}, and the client forgets the token either way.
 */
public final class AuthRoutes {

    private final SignUpUseCase signUp;
    private final LogInUseCase logIn;
    private final RefreshSessionUseCase refreshSession;
    private final LogOutUseCase logOut;
    private final MergeGuestCartUseCase mergeGuestCart;
    private final ObjectMapper json;
    private final AccessTokens tokens;
    private final RateLimiter limiter;
    private final RateLimits limits;
    private final Clock clock;

    public AuthRoutes(
            SignUpUseCase signUp,
            LogInUseCase logIn,
            RefreshSessionUseCase refreshSession,
            LogOutUseCase logOut,
            MergeGuestCartUseCase mergeGuestCart,
            ObjectMapper json,
            AccessTokens tokens,
            RateLimiter limiter,
            RateLimits limits,
            Clock clock) {
        this.signUp = signUp;
        this.logIn = logIn;
        this.refreshSession = refreshSession;
        this.logOut = logOut;
        this.mergeGuestCart = mergeGuestCart;
        this.json = json;
        this.tokens = tokens;
        this.limiter = limiter;
        this.limits = limits;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/signup", this::signUp, Access.PUBLIC);
        routes.post("/api/v1/auth/login", this::logIn, Access.PUBLIC);
        routes.post("/api/v1/auth/refresh", this::refresh, Access.PUBLIC);
        routes.post("/api/v1/auth/logout", this::logOut, Access.PUBLIC);
    }

    private void signUp(Context ctx) {
        limiter.acquire("signup:" + ClientAddresses.of(ctx).rateLimitKey(), limits.signupPerAddress());
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        Email email = violations.field("email", () -> Email.of(body.requiredText("email")));
        Password password = violations.field("password", () -> Password.chosen(body.requiredText("password")));
        violations.throwIfAny();
        // role and active in the body are ignored: a signup is always a plain, active customer.
        User user = signUp.signUp(email, password);
        ctx.status(HttpStatus.CREATED).json(new SignedUpView(UserView.of(user), cartMerge(ctx, user.id())));
    }

    private void logIn(Context ctx) {
        limiter.acquire("login:" + ClientAddresses.of(ctx).rateLimitKey(), limits.loginPerAddress());
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        String email = violations.field("email", () -> body.requiredText("email"));
        String password = violations.field("password", () -> body.requiredText("password"));
        violations.throwIfAny();
        limiter.acquire("login-email:" + emailKey(email), limits.loginPerEmail());
        // The client names itself so its owner can tell sessions apart; the domain cleans and cuts what it says.
        Session session = logIn.logIn(email, password, ctx.header("User-Agent"));
        ctx.json(tokens(session).withCartMerge(cartMerge(ctx, session.user().id())));
    }

    private void refresh(Context ctx) {
        limiter.acquire("refresh:" + ClientAddresses.of(ctx).rateLimitKey(), limits.refreshPerAddress());
        String refreshToken = refreshTokenOf(JsonBody.read(ctx, json));
        ctx.json(tokens(refreshSession.refresh(refreshToken)));
    }

    private void logOut(Context ctx) {
        logOut.logOut(refreshTokenOf(JsonBody.read(ctx, json)));
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /**
     * The per-email budget's key: the email as accounts are keyed by it (stripped, lower case), cut at the longest
     * valid address. The body may hold a megabyte of "email"; uncut, every such guess would keep a megabyte key in
     * the limiter, and longer texts are no account anyway, so sharing one budget among them costs nobody.
     */
    static String emailKey(String email) {
        String key = cut(email.strip()).toLowerCase(Locale.ROOT);
        // Lower-casing can lengthen a few characters (İ becomes i and a combining dot).
        return cut(key);
    }

    private static String cut(String text) {
        return text.length() > Email.MAX_LENGTH ? text.substring(0, Email.MAX_LENGTH) : text;
    }

    private static String refreshTokenOf(JsonBody body) {
        Violations violations = new Violations();
        String refreshToken = violations.field("refreshToken", () -> body.requiredText("refreshToken"));
        violations.throwIfAny();
        return refreshToken;
    }

    /** The guest cart named by {@code X-Cart-Token} merged into the account; null when no token was sent. */
    private CartMergeView cartMerge(Context ctx, UserId userId) {
        String token = ctx.header(Authenticator.CART_TOKEN_HEADER);
        if (token == null || token.isBlank()) {
            return null;
        }
        return CartMergeView.of(mergeGuestCart.mergeGuestCart(userId, token.strip()));
    }

    private TokensView tokens(Session session) {
        AccessTokens.Issued access =
                tokens.issue(session.user().id(), session.user().role(), session.sessionId());
        long refreshSeconds = Math.max(
                0, Duration.between(clock.instant(), session.refreshExpiresAt()).toSeconds());
        return new TokensView(
                access.token(), "Bearer", access.expiresInSeconds(), session.refreshToken(), refreshSeconds);
    }
}
