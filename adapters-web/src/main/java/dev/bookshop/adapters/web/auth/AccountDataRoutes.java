package dev.bookshop.adapters.web.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.adapters.web.Access;
import dev.bookshop.adapters.web.WebSettings.RateLimit;
import dev.bookshop.adapters.web.http.JsonBody;
import dev.bookshop.adapters.web.http.PathIds;
import dev.bookshop.adapters.web.http.Violations;
import dev.bookshop.adapters.web.security.Authenticator;
import dev.bookshop.adapters.web.security.RateLimiter;
import dev.bookshop.application.account.port.in.EraseAccountUseCase;
import dev.bookshop.application.account.port.in.ExportAccountDataUseCase;
import dev.bookshop.application.account.port.in.ManageSessionsUseCase;
import dev.bookshop.domain.auth.TokenFamilyId;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * The signed-in user's sessions and data: {@code /api/v1/users/me/sessions}, {@code /api/v1/users/me/export} and
 * erasing the account with {@code DELETE /api/v1/users/me}.
 */
public final class AccountDataRoutes {

    private final ManageSessionsUseCase sessions;
    private final ExportAccountDataUseCase export;
    private final EraseAccountUseCase erase;
    private final ObjectMapper json;
    private final RateLimiter limiter;
    private final RateLimit passwordChecksPerAccount;

    public AccountDataRoutes(
            ManageSessionsUseCase sessions,
            ExportAccountDataUseCase export,
            EraseAccountUseCase erase,
            ObjectMapper json,
            RateLimiter limiter,
            RateLimit passwordChecksPerAccount) {
        this.sessions = sessions;
        this.export = export;
        this.erase = erase;
        this.json = json;
        this.limiter = limiter;
        this.passwordChecksPerAccount = passwordChecksPerAccount;
    }

    public void register(RoutesConfig routes) {
        routes.get("/api/v1/users/me/sessions", this::listSessions, Access.CUSTOMER);
        routes.delete("/api/v1/users/me/sessions/{sessionId}", this::endSession, Access.CUSTOMER);
        routes.get("/api/v1/users/me/export", this::export, Access.CUSTOMER);
        routes.delete("/api/v1/users/me", this::erase, Access.CUSTOMER);
    }

    private void listSessions(Context ctx) {
        var caller = Authenticator.caller(ctx);
        ctx.json(sessions.listSessions(caller.userId()).stream()
                .map(s -> SessionView.of(s, caller))
                .toList());
    }

    private void endSession(Context ctx) {
        var caller = Authenticator.caller(ctx);
        TokenFamilyId id = TokenFamilyId.of(PathIds.uuid(ctx, "sessionId"));
        sessions.revokeSession(caller.userId(), id);
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private void export(Context ctx) {
        var caller = Authenticator.caller(ctx);
        ctx.json(AccountExportView.of(export.exportAccount(caller.userId()), caller));
    }

    private void erase(Context ctx) {
        var caller = Authenticator.caller(ctx);
        // The same budget as a password change: a stolen access token must not become a password oracle.
        limiter.acquire("password-change:" + caller.userId(), passwordChecksPerAccount);
        JsonBody body = JsonBody.read(ctx, json);
        Violations violations = new Violations();
        String password = violations.field("password", () -> body.requiredText("password"));
        violations.throwIfAny();
        erase.eraseAccount(caller.userId(), password);
        ctx.status(HttpStatus.NO_CONTENT);
    }
}
