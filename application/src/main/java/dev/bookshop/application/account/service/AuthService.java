package dev.bookshop.application.account.service;

import dev.bookshop.application.account.port.in.AdminPasswordMismatchException;
import dev.bookshop.application.account.port.in.ChangePasswordUseCase;
import dev.bookshop.application.account.port.in.EnsureAdminUseCase;
import dev.bookshop.application.account.port.in.GetCurrentUserUseCase;
import dev.bookshop.application.account.port.in.LogInUseCase;
import dev.bookshop.application.account.port.in.LogOutUseCase;
import dev.bookshop.application.account.port.in.RefreshSessionUseCase;
import dev.bookshop.application.account.port.in.Session;
import dev.bookshop.application.account.port.in.SignUpUseCase;
import dev.bookshop.application.account.port.out.PasswordHasher;
import dev.bookshop.application.account.port.out.RefreshTokenRepository;
import dev.bookshop.application.account.port.out.TokenGenerator;
import dev.bookshop.application.account.port.out.UserRepository;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.domain.auth.InvalidRefreshTokenException;
import dev.bookshop.domain.auth.RefreshToken;
import dev.bookshop.domain.auth.RefreshTokenId;
import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.EmailTakenException;
import dev.bookshop.domain.user.InvalidCredentialsException;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.PasswordHash;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import dev.bookshop.domain.user.UserNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Accounts and sessions: signup, login, refresh-token rotation with reuse detection (and an optional short grace for
 * two tabs refreshing at once), sessions that end a fixed time after their login, logout, password change.
 * Password hashing is slow on purpose, so it always runs outside database transactions.
 */
public final class AuthService
        implements SignUpUseCase,
                LogInUseCase,
                RefreshSessionUseCase,
                LogOutUseCase,
                GetCurrentUserUseCase,
                ChangePasswordUseCase,
                EnsureAdminUseCase {

    private final TransactionRunner transactions;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final TokenGenerator tokens;
    private final Clock clock;
    private final ShopSettings settings;
    private final AccountRecoveryService recovery;
    private volatile PasswordHash decoyHash;

    public AuthService(
            TransactionRunner transactions,
            UserRepository users,
            RefreshTokenRepository refreshTokens,
            PasswordHasher hasher,
            IdGenerator ids,
            TokenGenerator tokens,
            Clock clock,
            ShopSettings settings,
            AccountRecoveryService recovery) {
        this.transactions = transactions;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.ids = ids;
        this.tokens = tokens;
        this.clock = clock;
        this.settings = settings;
        this.recovery = recovery;
    }

    @Override
    public User signUp(Email email, Password password) {
        if (users.findByEmail(email).isPresent()) {
            throw new EmailTakenException();
        }
        User user = User.signUp(new UserId(ids.newId()), email, hasher.hash(password), clock.instant());
        // The store decides a race between two signups with one email: the loser inserts nothing. The verification
        // mail is queued with the account, so there is never an account whose mail was lost, nor a mail without one.
        boolean inserted = transactions.inTransaction(() -> {
            if (!users.insertIfEmailFree(user)) {
                return false;
            }
            recovery.issueVerification(user);
            return true;
        });
        if (!inserted) {
            throw new EmailTakenException();
        }
        return user;
    }

    @Override
    public Session logIn(String email, String password, String userAgent) {
        Password offered = Password.offered(password == null ? "" : password);
        Optional<User> account = parseEmail(email).flatMap(users::findByEmail);
        if (account.isEmpty()) {
            // Every refusal costs one hash comparison, so response times do not tell which accounts exist.
            hasher.matches(offered, decoyHash());
            throw new InvalidCredentialsException();
        }
        User user = account.get();
        if (!hasher.matches(offered, user.passwordHash()) || !user.active()) {
            throw new InvalidCredentialsException();
        }
        return transactions.inTransaction(() -> {
            // The password was checked outside the transaction (bcrypt is slow). Locking the account now and
            // checking that nothing changed meanwhile means a password change or deactivation that committed during
            // the check cannot be outlived by this session; one that comes later revokes it.
            User current = users.findByIdForUpdate(user.id())
                    .filter(User::active)
                    .filter(u -> u.passwordHash().equals(user.passwordHash()))
                    .orElseThrow(InvalidCredentialsException::new);
            return openSession(current, userAgent);
        });
    }

    @Override
    public Session refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new InvalidRefreshTokenException("missing");
        }
        TokenHash hash = TokenHash.of(refreshToken);
        // Refusals that revoke tokens must commit, so the transaction answers an outcome and the refusal is thrown
        // only after it.
        RefreshOutcome outcome = transactions.inTransaction(() -> rotate(hash));
        if (outcome.session() == null) {
            throw new InvalidRefreshTokenException(outcome.refusal());
        }
        return outcome.session();
    }

    private RefreshOutcome rotate(TokenHash hash) {
        Instant now = clock.instant();
        Optional<UserId> owner = refreshTokens.findByHash(hash).map(RefreshToken::userId);
        if (owner.isEmpty()) {
            return RefreshOutcome.refused("unknown");
        }
        // The user is locked before the token, in the order a password change or a deactivation takes them: in the
        // other order a tab refreshing during a password change deadlocks with it. Held, so such a change either
        // sees the successor token and revokes it, or commits first and is seen here.
        Optional<User> user = users.findByIdForUpdate(owner.get()).filter(User::active);
        Optional<RefreshToken> found = refreshTokens.findByHashForUpdate(hash);
        if (found.isEmpty()) {
            return RefreshOutcome.refused("unknown");
        }
        RefreshToken token = found.get();
        boolean graced = token.isWithinReuseGrace(now, settings.refreshReuseGrace());
        if (token.revoked() && !graced) {
            refreshTokens.revokeAllOfUser(token.userId());
            return RefreshOutcome.refused("reused");
        }
        if (token.isExpired(now) || token.sessionEnded(now, settings.sessionMaxAge())) {
            return RefreshOutcome.refused("expired");
        }
        if (user.isEmpty()) {
            refreshTokens.revokeAllOfUser(token.userId());
            return RefreshOutcome.refused("inactive account");
        }
        if (!graced) {
            refreshTokens.markRotated(token.id(), now);
        }
        // Within the grace a second tab presents the token the first tab just rotated: it gets a successor of its own
        // in the same family, and the first tab's successor stays valid. The rotation mark is kept as it was, so the
        // grace is never extended.
        String raw = tokens.newToken();
        RefreshToken successor = token.successor(
                new RefreshTokenId(ids.newId()),
                TokenHash.of(raw),
                now,
                settings.refreshTokenTtl(),
                settings.sessionMaxAge());
        refreshTokens.insert(successor);
        return RefreshOutcome.rotated(new Session(user.get(), raw, successor.expiresAt(), successor.familyId()));
    }

    private record RefreshOutcome(Session session, String refusal) {
        static RefreshOutcome rotated(Session session) {
            return new RefreshOutcome(session, null);
        }

        static RefreshOutcome refused(String reason) {
            return new RefreshOutcome(null, reason);
        }
    }

    @Override
    public void logOut(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            return;
        }
        TokenHash hash = TokenHash.of(refreshToken);
        // A token still inside its reuse grace is revoked for good too, so logging out ends it at once.
        transactions.inTransaction(() -> refreshTokens
                .findByHashForUpdate(hash)
                .filter(t -> !t.revoked() || t.rotatedAt() != null)
                .ifPresent(t -> refreshTokens.revoke(t.id())));
    }

    @Override
    public User currentUser(UserId userId) {
        return users.findById(userId).orElseThrow(() -> new UserNotFoundException(userId));
    }

    @Override
    public void changePassword(UserId userId, String currentPassword, Password newPassword) {
        User user = users.findById(userId)
                .orElseThrow(() -> new UserNotFoundException(userId))
                .requireActive();
        if (!hasher.matches(Password.offered(currentPassword == null ? "" : currentPassword), user.passwordHash())) {
            throw new InvalidCredentialsException();
        }
        PasswordHash newHash = hasher.hash(newPassword);
        transactions.inTransaction(() -> {
            User current = users.findByIdForUpdate(userId)
                    .orElseThrow(() -> new UserNotFoundException(userId))
                    .requireActive();
            users.update(current.withPassword(newHash));
            refreshTokens.revokeAllOfUser(userId);
        });
    }

    @Override
    public User ensureAdmin(Email email, Password password) {
        Optional<User> existing = users.findByEmail(email);
        if (existing.isEmpty()) {
            User admin = User.administrator(new UserId(ids.newId()), email, hasher.hash(password), clock.instant());
            if (transactions.inTransaction(() -> users.insertIfEmailFree(admin))) {
                return admin;
            }
            // Someone signed up with this email in between: theirs is promoted only on the same terms.
            existing = users.findByEmail(email);
        }
        User account = existing.orElseThrow();
        // Signup verifies no address, so the email alone proves nothing: only the operator's password does.
        if (!hasher.matches(password, account.passwordHash())) {
            throw new AdminPasswordMismatchException(email);
        }
        return promote(account, email);
    }

    private User promote(User checked, Email email) {
        return transactions.inTransaction(() -> {
            User user =
                    users.findByIdForUpdate(checked.id()).orElseThrow(() -> new UserNotFoundException(checked.id()));
            // The password was checked outside the transaction (bcrypt is slow); a change meanwhile voids the check.
            if (!user.passwordHash().equals(checked.passwordHash())) {
                throw new AdminPasswordMismatchException(email);
            }
            if (user.isActiveAdmin()) {
                return user;
            }
            User admin = user.withRole(Role.ADMIN).activated(true);
            users.update(admin);
            return admin;
        });
    }

    private Session openSession(User user, String userAgent) {
        String raw = tokens.newToken();
        RefreshToken token = RefreshToken.issue(
                new RefreshTokenId(ids.newId()),
                user.id(),
                new TokenFamilyId(ids.newId()),
                TokenHash.of(raw),
                clock.instant(),
                settings.refreshTokenTtl(),
                settings.sessionMaxAge(),
                userAgent);
        refreshTokens.insert(token);
        return new Session(user, raw, token.expiresAt(), token.familyId());
    }

    private static Optional<Email> parseEmail(String raw) {
        try {
            return Optional.of(Email.of(raw));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    private PasswordHash decoyHash() {
        PasswordHash hash = decoyHash;
        if (hash == null) {
            hash = hasher.hash(Password.offered(tokens.newToken()));
            decoyHash = hash;
        }
        return hash;
    }
}
