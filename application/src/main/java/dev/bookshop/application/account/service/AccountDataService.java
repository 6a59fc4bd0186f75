package dev.bookshop.application.account.service;

import dev.bookshop.application.account.port.in.AccountExport;
import dev.bookshop.application.account.port.in.EraseAccountUseCase;
import dev.bookshop.application.account.port.in.ExportAccountDataUseCase;
import dev.bookshop.application.account.port.in.ManageSessionsUseCase;
import dev.bookshop.application.account.port.out.PasswordHasher;
import dev.bookshop.application.account.port.out.RefreshTokenRepository;
import dev.bookshop.application.account.port.out.UserRepository;
import dev.bookshop.application.address.port.out.AddressBookRepository;
import dev.bookshop.application.cart.port.out.CartRepository;
import dev.bookshop.application.mail.port.out.MailOutbox;
import dev.bookshop.application.order.port.out.OrderRepository;
import dev.bookshop.application.shared.port.out.TransactionRunner;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.domain.auth.SessionNotFoundException;
import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.auth.UserSession;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.user.InvalidCredentialsException;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import dev.bookshop.domain.user.UserInactiveException;
import dev.bookshop.domain.user.UserNotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * What an account holder may do with the data the shop keeps about them: see and end their sessions, take a copy of
 * everything, and erase the account.
 */
public final class AccountDataService implements ManageSessionsUseCase, ExportAccountDataUseCase, EraseAccountUseCase {

    private final TransactionRunner transactions;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final CartRepository carts;
    private final OrderRepository orders;
    private final MailOutbox outbox;
    private final AddressBookRepository addresses;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final ShopSettings settings;

    public AccountDataService(
            TransactionRunner transactions,
            UserRepository users,
            RefreshTokenRepository refreshTokens,
            CartRepository carts,
            OrderRepository orders,
            MailOutbox outbox,
            AddressBookRepository addresses,
            PasswordHasher hasher,
            Clock clock,
            ShopSettings settings) {
        this.transactions = transactions;
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.carts = carts;
        this.orders = orders;
        this.outbox = outbox;
        this.addresses = addresses;
        this.hasher = hasher;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public List<UserSession> listSessions(UserId userId) {
        return UserSession.alive(refreshTokens.findAllOfUser(userId), clock.instant(), settings.sessionMaxAge());
    }

    @Override
    public void revokeSession(UserId userId, TokenFamilyId sessionId) {
        transactions.inTransaction(() -> {
            // The user first, then the tokens: the lock order a refresh and a password change take.
            users.findByIdForUpdate(userId)
                    .orElseThrow(() -> new SessionNotFoundException(sessionId))
                    .requireActive();
            boolean alive = listSessions(userId).stream().anyMatch(s -> s.id().equals(sessionId));
            if (!alive) {
                throw new SessionNotFoundException(sessionId);
            }
            refreshTokens.deleteFamily(userId, sessionId);
        });
    }

    @Override
    public AccountExport exportAccount(UserId userId) {
        return transactions.inTransaction(() -> {
            User user = users.findById(userId).orElseThrow(() -> new UserNotFoundException(userId));
            return new AccountExport(
                    user, addresses.findAllOfUser(userId), allOrders(userId), listSessions(userId), clock.instant());
        });
    }

    private List<Order> allOrders(UserId userId) {
        List<Order> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Page<Order> batch = orders.findByUser(userId, PageRequest.of(page, PageRequest.MAX_SIZE));
            all.addAll(batch.items());
            if (batch.items().size() < PageRequest.MAX_SIZE || all.size() >= batch.total()) {
                return all;
            }
        }
    }

    @Override
    public void eraseAccount(UserId userId, String password) {
        User checked = users.findById(userId)
                .orElseThrow(() -> new UserInactiveException(userId))
                .requireActive();
        // bcrypt is slow on purpose: the password is checked before the transaction, and the hash compared again
        // under the lock, so a password change in between voids the check.
        if (!hasher.matches(Password.offered(password == null ? "" : password), checked.passwordHash())) {
            throw new InvalidCredentialsException();
        }
        transactions.inTransaction(() -> {
            // Admin rows are locked before the account, as the admin routes lock them, so an admin erasing itself
            // and another admin demoting it are serialised, and one of them sees no other admin left. Always, since
            // the account may have been promoted since it was read; erasures are rare enough for that.
            List<UserId> admins = users.lockActiveAdmins();
            User current = users.findByIdForUpdate(userId)
                    .orElseThrow(() -> new UserInactiveException(userId))
                    .requireActive();
            if (!current.passwordHash().equals(checked.passwordHash())) {
                throw new InvalidCredentialsException();
            }
            User erased = current.erase(admins);
            users.updateErased(erased);
            // Then tokens, cart, addresses and mail, in the shop's one lock order. Orders are bookkeeping and stay
            // untouched, with the copy of the address each was shipped to.
            refreshTokens.deleteAllOfUser(userId);
            carts.delete(userId);
            addresses.deleteAllOfUser(userId);
            outbox.cancelUnsentTo(current.email());
        });
    }
}
