package dev.bookshop.adapters.web.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.WebSettings.RateLimit;
import dev.bookshop.adapters.web.http.JsonBody;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.adapters.web.security.Authenticator;
import dev.bookshop.adapters.web.security.RateLimiter;
import dev.bookshop.application.account.port.in.ChangePasswordUseCase;
import dev.bookshop.application.account.port.in.GetCurrentUserUseCase;
import dev.bookshop.domain.user.Password;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/** The signed-in user's own account: {@code /api/v1/users/me}. */
public final class AccountRoutes {

    private final GetCurrentUserUseCase currentUser;
    private final ChangePasswordUseCase changePassword;
    private final ObjectMapper json;

    private final RateLimiter limiter;
    private final RateLimit passwordChangePerAccount;

    public AccountRoutes(
            GetCurrentUserUseCase currentUser,
            ChangePasswordUseCase changePassword,
            ObjectMapper json,
            RateLimiter limiter,
            RateLimit passwordChangePerAccount) {
        this.currentUser = currentUser;
        this.changePassword = changePassword;
        this.json = json;
        this.limiter = limiter;
        this.passwordChangePerAccount = passwordChangePerAccount;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/users/me", this::me, Access.CUSTOMER);
        routes.post("/api/v1/users/me/password", this::changePassword, Access.CUSTOMER);
    }

    private void me(Context ctx) {
        ctx.json(UserView.of(currentUser.currentUser(Authenticator.caller(ctx).userId())));
    }

    private void changePassword(Context ctx) {
        var caller = Authenticator.caller(ctx);
        // A stolen access token must not become a fast oracle for the account's current password.
        limiter.acquire("password-change:" + caller.userId(), passwordChangePerAccount);
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        String current = violations.field("currentPassword", () -> body.requiredText("currentPassword"));
        Password chosen = violations.field("newPassword", () -> Password.chosen(body.requiredText("newPassword")));
        violations.throwIfAny();
        changePassword.changePassword(caller.userId(), current, chosen);
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
