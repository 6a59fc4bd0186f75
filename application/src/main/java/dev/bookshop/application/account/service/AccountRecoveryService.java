package dev.bookshop.application.account.service;

import dev.bookshop.application.account.port.in.ChangeEmailUseCase;
import dev.bookshop.application.account.port.in.RequestPasswordResetUseCase;
import dev.bookshop.application.account.port.in.ResendVerificationUseCase;
import dev.bookshop.application.account.port.in.ResetPasswordUseCase;
import dev.bookshop.application.account.port.in.VerifyEmailUseCase;
import dev.bookshop.application.account.port.out.AccountTokenRepository;
import dev.bookshop.application.account.port.out.PasswordHasher;
import dev.bookshop.application.account.port.out.RefreshTokenRepository;
import dev.bookshop.application.account.port.out.TokenGenerator;
import dev.bookshop.application.account.port.out.UserRepository;
import dev.bookshop.application.mail.port.out.MailOutbox;
import dev.bookshop.application.mail.port.out.OutboxMail;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import dev.bookshop.domain.auth.AccountToken;
import dev.bookshop.domain.auth.AccountTokenId;
import dev.bookshop.domain.auth.AccountTokenKind;
import dev.bookshop.domain.auth.InvalidTokenException;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.common.InvalidValueException;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.EmailTakenException;
import dev.bookshop.domain.user.InvalidCredentialsException;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.PasswordHash;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import dev.bookshop.domain.user.UserInactiveException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts that recover: password resets, address verification and address changes, each by a single-use token that
 * is mailed through the outbox in the transaction that stores it. A token is read unlocked to learn its owner, then
 * the owner is locked, then the token is used by a conditional write: users before tokens, as everywhere, and of two
 * uses of one token exactly one wins.
 */
public final class AccountRecoveryService
        implements RequestPasswordResetUseCase,
                ResetPasswordUseCase,
                VerifyEmailUseCase,
                ResendVerificationUseCase,
                ChangeEmailUseCase {

    /** Owner and address of the reset token built for an address without an account; it is never stored. */
    private static final UserId NOBODY = new UserId(new UUID(0, 0));

    private static final Email NOWHERE = Email.of("nobody@example.invalid");

    private final TransactionRunner transactions;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final AccountTokenRepository accountTokens;
    private final MailOutbox outbox;
    private final PasswordHasher hasher;
    private final IdGenerator ids;
    private final TokenGenerator tokens;
    private final Clock clock;
    private final AccountSettings settings;
    private final AccountMails mails;

    public AccountRecoveryService(
            TransactionRunner transactions,
            UserRepository users,
            RefreshTokenRepository refreshTokens,
            AccountTokenRepository accountTokens,
            MailOutbox outbox,
            PasswordHasher hasher,
            IdGenerator ids,
            TokenGenerator tokens,
            Clock clock,
            AccountSettings settings) {
        this.transactions = transactions;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.accountTokens = accountTokens;
        this.outbox = outbox;
        this.hasher = hasher;
        this.ids = ids;
        this.tokens = tokens;
        this.clock = clock;
        this.settings = settings;
        this.mails = new AccountMails(ids, settings);
    }

    @Override
    public void requestPasswordReset(String email) {
        Optional<Email> address = parseEmail(email);
        // Both paths do the same work, so the time to answer tells nothing about which addresses have accounts: mint
        // and hash a token, write the mail, and run one transaction that looks the account up. Only the two inserts
        // at the end are skipped when there is no active account, and they are cheap next to the lookup and commit.
        String raw = tokens.newToken();
        TokenHash hash = TokenHash.of(raw);
        AccountTokenId id = new AccountTokenId(ids.newId());
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<User> user = address.flatMap(users::findByEmail).filter(User::active);
            AccountToken token = AccountToken.passwordReset(
                    id, user.map(User::id).orElse(NOBODY), hash, now, settings.passwordResetTtl());
            OutboxMail mail =
                    mails.passwordReset(token, raw, user.map(User::email).orElse(NOWHERE), now);
            if (user.isPresent()) {
                accountTokens.insert(token);
                outbox.enqueueIfAbsent(mail);
            }
            return null;
        });
    }

    @Override
    public void resetPassword(String rawToken, Password newPassword) {
        AccountToken token = usableToken(rawToken, AccountTokenKind.PASSWORD_RESET);
        // bcrypt is slow on purpose: outside the transaction, so no lock is held while it runs.
        PasswordHash newHash = hasher.hash(newPassword);
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            User user = lockActiveOwner(token);
            if (!accountTokens.markUsed(token.id(), now)) {
                throw new InvalidTokenException();
            }
            users.update(user.withPassword(newHash));
            // Whoever knew the old password may be logged in elsewhere: those sessions end with it, in this
            // transaction, so none can outlive the reset. The other reset links die too, so a second mail in an
            // inbox cannot undo this one.
            refreshTokens.revokeAllOfUser(user.id());
            accountTokens.voidAllOfUser(user.id(), now);
            return null;
        });
    }

    @Override
    public void verifyEmail(String rawToken) {
        AccountToken token = usableToken(rawToken, AccountTokenKind.EMAIL_VERIFICATION, AccountTokenKind.EMAIL_CHANGE);
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            User user = lockActiveOwner(token);
            if (!accountTokens.markUsed(token.id(), now)) {
                throw new InvalidTokenException();
            }
            if (token.kind() == AccountTokenKind.EMAIL_VERIFICATION) {
                users.update(user.emailVerified());
                return null;
            }
            // Thrown, not answered: the transaction rolls back, so the account keeps its old address and the token
            // stays usable should the address become free again.
            if (!users.updateEmailIfFree(user.changeEmail(token.newEmail()))) {
                throw new EmailTakenException();
            }
            // Links mailed to the old address, or to another new one, must not act on the moved account.
            accountTokens.voidAllOfUser(user.id(), now);
            return null;
        });
    }

    @Override
    public void resendVerification(UserId userId) {
        transactions.inTransaction(() -> {
            User user = users.findByIdForUpdate(userId)
                    .orElseThrow(() -> new UserInactiveException(userId))
                    .requireActive()
                    .requireUnverifiedEmail();
            issueVerification(user);
            return null;
        });
    }

    @Override
    public void requestEmailChange(UserId userId, Email newEmail, String password) {
        User user = users.findById(userId)
                .orElseThrow(() -> new UserInactiveException(userId))
                .requireActive();
        if (!hasher.matches(Password.offered(password == null ? "" : password), user.passwordHash())) {
            throw new InvalidCredentialsException();
        }
        // Checked now for a prompt answer; the move itself checks again, since the address may be taken meanwhile.
        if (users.findByEmail(newEmail).isPresent()) {
            throw new EmailTakenException();
        }
        String raw = tokens.newToken();
        transactions.inTransaction(() -> {
            Instant now = clock.instant();
            User current = users.findByIdForUpdate(userId)
                    .orElseThrow(() -> new UserInactiveException(userId))
                    .requireActive();
            // The password was checked outside the transaction (bcrypt is slow); a change meanwhile voids the check.
            if (!current.passwordHash().equals(user.passwordHash())) {
                throw new InvalidCredentialsException();
            }
            AccountToken token = AccountToken.emailChange(
                    new AccountTokenId(ids.newId()),
                    userId,
                    TokenHash.of(raw),
                    newEmail,
                    now,
                    settings.emailVerificationTtl());
            accountTokens.insert(token);
            outbox.enqueueIfAbsent(mails.emailChange(token, raw, now));
            return null;
        });
    }

    /**
     * Stores a verification token for the user's address and queues its mail. Runs inside the caller's transaction,
     * so signup queues the mail with the account it creates, or neither.
     */
    void issueVerification(User user) {
        Instant now = clock.instant();
        String raw = tokens.newToken();
        AccountToken token = AccountToken.emailVerification(
                new AccountTokenId(ids.newId()), user.id(), TokenHash.of(raw), now, settings.emailVerificationTtl());
        accountTokens.insert(token);
        outbox.enqueueIfAbsent(mails.emailVerification(token, raw, user.email(), now));
    }

    private AccountToken usableToken(String rawToken, AccountTokenKind... kinds) {
        if (rawToken == null || rawToken.isBlank()) {
            throw new InvalidTokenException();
        }
        return accountTokens
                .findByHash(TokenHash.of(rawToken))
                .orElseThrow(InvalidTokenException::new)
                .requireUsable(clock.instant(), kinds);
    }

    /** The token's owner, locked; an owner who may no longer act makes the token as good as unknown. */
    private User lockActiveOwner(AccountToken token) {
        return users.findByIdForUpdate(token.userId()).filter(User::active).orElseThrow(InvalidTokenException::new);
    }

    private static Optional<Email> parseEmail(String raw) {
        try {
            return Optional.of(Email.of(raw));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }
}
