package dev.bookshop.adapters.web.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.WebSettings.RateLimits;
import dev.bookshop.adapters.web.http.ClientAddresses;
import dev.bookshop.adapters.web.http.JsonBody;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.adapters.web.security.Authenticator;
import dev.bookshop.adapters.web.security.RateLimiter;
import dev.bookshop.application.account.port.in.ChangeEmailUseCase;
import dev.bookshop.application.account.port.in.RequestPasswordResetUseCase;
import dev.bookshop.application.account.port.in.ResendVerificationUseCase;
import dev.bookshop.application.account.port.in.ResetPasswordUseCase;
import dev.bookshop.application.account.port.in.VerifyEmailUseCase;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Accounts that recover: password resets and address verification under {@code /api/v1/auth/*}, and the signed-in
 * user's resends and email changes under {@code /api/v1/users/me/*}. Every route that sends mail has a budget per
 * client address and per address or account, so nobody can use the shop to flood an inbox.
 */
public final class RecoveryRoutes {

    private final RequestPasswordResetUseCase requestPasswordReset;
    private final ResetPasswordUseCase resetPassword;
    private final VerifyEmailUseCase verifyEmail;
    private final ResendVerificationUseCase resendVerification;
    private final ChangeEmailUseCase changeEmail;
    private final ObjectMapper json;
    private final RateLimiter limiter;
    private final RateLimits limits;

    public RecoveryRoutes(
            RequestPasswordResetUseCase requestPasswordReset,
            ResetPasswordUseCase resetPassword,
            VerifyEmailUseCase verifyEmail,
            ResendVerificationUseCase resendVerification,
            ChangeEmailUseCase changeEmail,
            ObjectMapper json,
            RateLimiter limiter,
            RateLimits limits) {
        this.requestPasswordReset = requestPasswordReset;
        this.resetPassword = resetPassword;
        this.verifyEmail = verifyEmail;
        this.resendVerification = resendVerification;
        this.changeEmail = changeEmail;
        this.json = json;
        this.limiter = limiter;
        this.limits = limits;
    }

    public void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/password-reset", this::requestReset, Access.PUBLIC);
        routes.post("/api/v1/auth/password-reset/confirm", this::confirmReset, Access.PUBLIC);
        routes.post("/api/v1/auth/verify-email", this::verifyEmail, Access.PUBLIC);
        routes.post("/api/v1/users/me/verify-email", this::resendVerification, Access.CUSTOMER);
        routes.post("/api/v1/users/me/email", this::changeEmail, Access.CUSTOMER);
    }

    /**
     * Always 202 with an empty body, whether or not the address has an account: the answer must not tell. The
     * budgets are the same for every address too, so running out of one tells nothing either.
     */
    private void requestReset(Context ctx) {
        limiter.acquire("password-reset:" + ClientAddresses.of(ctx).rateLimitKey(), limits.passwordResetPerAddress());
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        String email = violations.field("email", () -> body.requiredText("email"));
        violations.throwIfAny();
        limiter.acquire("password-reset-email:" + AuthRoutes.emailKey(email), limits.passwordResetPerEmail());
        requestPasswordReset.requestPasswordReset(email);
        ctx.status(HttpStatus.ACCEPTED);
    }

    private void confirmReset(Context ctx) {
        limiter.acquire(
                "password-reset-confirm:" + ClientAddresses.of(ctx).rateLimitKey(), limits.passwordResetPerAddress());
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        String token = violations.field("token", () -> body.requiredText("token"));
        Password chosen = violations.field("newPassword", () -> Password.chosen(body.requiredText("newPassword")));
        violations.throwIfAny();
        resetPassword.resetPassword(token, chosen);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void verifyEmail(Context ctx) {
        limiter.acquire("verify-email:" + ClientAddresses.of(ctx).rateLimitKey(), limits.accountMailPerAddress());
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        String token = violations.field("token", () -> body.requiredText("token"));
        violations.throwIfAny();
        verifyEmail.verifyEmail(token);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void resendVerification(Context ctx) {
        var caller = Authenticator.caller(ctx);
        limiter.acquire("account-mail:" + ClientAddresses.of(ctx).rateLimitKey(), limits.accountMailPerAddress());
        limiter.acquire("verification-resend:" + caller.userId(), limits.accountMailPerAccount());
        resendVerification.resendVerification(caller.userId());
        ctx.status(HttpStatus.ACCEPTED);
    }

    private void changeEmail(Context ctx) {
        var caller = Authenticator.caller(ctx);
        limiter.acquire("account-mail:" + ClientAddresses.of(ctx).rateLimitKey(), limits.accountMailPerAddress());
        // Also a guess at the current password, like a password change.
        limiter.acquire("email-change:" + caller.userId(), limits.accountMailPerAccount());
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        Email newEmail = violations.field("newEmail", () -> Email.of(body.requiredText("newEmail")));
        String password = violations.field("password", () -> body.requiredText("password"));
        violations.throwIfAny();
        changeEmail.requestEmailChange(caller.userId(), newEmail, password);
        ctx.status(HttpStatus.ACCEPTED);
    }
}
