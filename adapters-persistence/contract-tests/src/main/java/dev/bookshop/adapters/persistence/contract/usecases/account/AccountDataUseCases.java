package dev.bookshop.adapters.persistence.contract.usecases.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.ScriptedPaymentGateway;
import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.application.account.port.in.AccountExport;
import dev.bookshop.application.account.port.in.Session;
import dev.bookshop.application.order.query.OrderQuery;
import dev.bookshop.application.order.query.OrderWithCustomer;
import dev.bookshop.application.payment.port.in.PaymentEvent;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.auth.UserSession;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.DomainException;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.order.OrderStatus;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * An account holder's own data: their sessions, the export of everything kept about them, and erasure. Every adapter
 * subclasses it once; each test makes its own users and books.
 */
public abstract class AccountDataUseCases extends UseCaseTestBase {

    private Session logIn(User user, String userAgent) {
        return shop.logIn().logIn(user.email().value(), PASSWORD, userAgent);
    }

    private List<UserSession> sessionsOf(User user) {
        return shop.manageSessions().listSessions(user.id());
    }

    @Test
    void eachLoginIsOneSessionWithItsClientLoginTimeAndLastUse() {
        User ann = customer();
        Instant loggedIn = clock.instant();
        Session phone = logIn(ann, "Phone\nApp/2.1");
        clock.advance(Duration.ofMinutes(1));
        Session laptop = logIn(ann, "x".repeat(400));
        clock.advance(Duration.ofHours(2));
        Session refreshed = shop.refreshSession().refresh(phone.refreshToken());

        List<UserSession> sessions = sessionsOf(ann);

        assertThat(refreshed.sessionId()).isEqualTo(phone.sessionId());
        assertThat(laptop.sessionId()).isNotEqualTo(phone.sessionId());
        assertThat(sessions)
                .containsExactly(
                        new UserSession(phone.sessionId(), loggedIn, clock.instant(), "Phone App/2.1"),
                        new UserSession(
                                laptop.sessionId(),
                                loggedIn.plusSeconds(60),
                                loggedIn.plusSeconds(60),
                                "x".repeat(256)));
        assertThat(sessionsOf(customer())).isEmpty();
    }

    @Test
    void loggedOutExpiredAndAgedOutSessionsAreNotListed() {
        User ann = customer();
        Session loggedOut = logIn(ann, "a");
        shop.logOut().logOut(loggedOut.refreshToken());
        logIn(ann, "b");
        assertThat(sessionsOf(ann)).extracting(UserSession::userAgent).containsExactly("b");

        clock.advance(Duration.ofDays(31));

        assertThat(sessionsOf(ann)).isEmpty();
    }

    @Test
    void revokingASessionEndsItsRefreshAtOnceAndLeavesTheOthers() {
        User ann = customer();
        Session phone = logIn(ann, "Phone");
        Session laptop = logIn(ann, "Laptop");
        Session phoneNext = shop.refreshSession().refresh(phone.refreshToken());

        shop.manageSessions().revokeSession(ann.id(), phone.sessionId());

        assertRefused(() -> shop.refreshSession().refresh(phoneNext.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
        assertThat(sessionsOf(ann)).extracting(UserSession::id).containsExactly(laptop.sessionId());
        assertThat(shop.refreshSession().refresh(laptop.refreshToken()).user().id())
                .isEqualTo(ann.id());
    }

    @Test
    void anotherUsersSessionAnUnknownOneAndAnEndedOneAreAllNotFound() {
        User ann = customer();
        User bob = customer();
        Session annsSession = logIn(ann, "Phone");
        Session ended = logIn(ann, "Old");
        shop.logOut().logOut(ended.refreshToken());

        assertRefused(
                () -> shop.manageSessions().revokeSession(bob.id(), annsSession.sessionId()),
                ErrorCode.SESSION_NOT_FOUND);
        assertRefused(
                () -> shop.manageSessions().revokeSession(ann.id(), TokenFamilyId.of(UUID.randomUUID())),
                ErrorCode.SESSION_NOT_FOUND);
        assertRefused(
                () -> shop.manageSessions().revokeSession(ann.id(), ended.sessionId()), ErrorCode.SESSION_NOT_FOUND);
        assertThat(shop.refreshSession()
                        .refresh(annsSession.refreshToken())
                        .user()
                        .id())
                .isEqualTo(ann.id());
    }

    @Test
    void theExportHoldsTheAccountEveryOrderWithItsItemsAndTheLiveSessions() {
        User ann = customer();
        Product book = book("Export", 1_250, 5);
        add(ann, book, 2);
        Order first = orderOf(checkout(ann));
        clock.advance(Duration.ofMinutes(1));
        Order second = pendingOrder(ann, book, 1);
        Session session = logIn(ann, "Browser");

        AccountExport export = shop.exportAccountData().exportAccount(ann.id());

        assertThat(export.user()).isEqualTo(ann);
        assertThat(export.orders()).containsExactly(reread(second), reread(first));
        assertThat(export.orders().get(1).items())
                .hasSize(1)
                .first()
                .satisfies(item -> assertThat(item.quantity().value()).isEqualTo(2));
        assertThat(export.sessions()).extracting(UserSession::id).containsExactly(session.sessionId());
        assertThat(export.exportedAt()).isEqualTo(clock.instant());
        assertThat(shop.exportAccountData().exportAccount(customer().id()).orders())
                .isEmpty();
    }

    @Test
    void erasureLeavesAnAccountNobodyCanUseWithItsOrdersKept() {
        User ann = customer();
        Product book = book("Erased", 900, 5);
        add(ann, book, 1);
        Order paid = orderOf(checkout(ann));
        add(ann, book, 2);
        Session session = logIn(ann, "Phone");

        shop.eraseAccount().eraseAccount(ann.id(), PASSWORD);

        User erased = store.users().findById(ann.id()).orElseThrow();
        assertThat(erased.email()).isEqualTo(Email.erasedPlaceholder(ann.id()));
        assertThat(erased.active()).isFalse();
        assertThat(erased.passwordHash()).isNotEqualTo(ann.passwordHash());
        assertThat(erased.createdAt()).isEqualTo(ann.createdAt());
        assertThat(store.users().findByEmail(ann.email())).isEmpty();
        assertRefused(() -> shop.logIn().logIn(ann.email().value(), PASSWORD), ErrorCode.INVALID_CREDENTIALS);
        assertRefused(() -> shop.refreshSession().refresh(session.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
        assertThat(store.refreshTokens().findAllOfUser(ann.id())).isEmpty();
        assertThat(store.carts().find(ann.id()).map(c -> c.isEmpty()).orElse(true))
                .isTrue();
        assertThat(reread(paid)).isEqualTo(paid);
        assertThat(shop.adminOrders()
                        .listOrders(
                                admin.id(),
                                new OrderQuery(Optional.empty(), Optional.of(ann.id()), PageRequest.first()))
                        .items())
                .containsExactly(new OrderWithCustomer(paid, erased.email()));
        assertRefused(() -> shop.eraseAccount().eraseAccount(ann.id(), PASSWORD), ErrorCode.USER_INACTIVE);
    }

    @Test
    void theOldAddressMaySignUpAgainAsANewAccount() {
        User ann = customer();
        shop.eraseAccount().eraseAccount(ann.id(), PASSWORD);

        User again = shop.signUp().signUp(ann.email(), Password.chosen(PASSWORD));

        assertThat(again.id()).isNotEqualTo(ann.id());
        assertThat(shop.logIn().logIn(ann.email().value(), PASSWORD).user().id())
                .isEqualTo(again.id());
        assertThat(shop.exportAccountData().exportAccount(again.id()).orders()).isEmpty();
    }

    @Test
    void aWrongPasswordErasesNothing() {
        User ann = customer();
        Session session = logIn(ann, "Phone");

        assertRefused(
                () -> shop.eraseAccount().eraseAccount(ann.id(), "not my password"), ErrorCode.INVALID_CREDENTIALS);
        assertRefused(() -> shop.eraseAccount().eraseAccount(ann.id(), null), ErrorCode.INVALID_CREDENTIALS);

        assertThat(store.users().findById(ann.id())).contains(ann);
        assertThat(shop.refreshSession().refresh(session.refreshToken()).user().id())
                .isEqualTo(ann.id());
    }

    @Test
    void theLastActiveAdminCannotEraseItselfButOneOfTwoCan() {
        assertRefused(() -> shop.eraseAccount().eraseAccount(admin.id(), PASSWORD), ErrorCode.LAST_ADMIN);
        assertThat(store.users().findById(admin.id())).contains(admin);

        User second = customer();
        shop.adminUsers().updateUser(admin.id(), second.id(), Optional.empty(), Optional.of(Role.ADMIN));
        shop.eraseAccount().eraseAccount(admin.id(), PASSWORD);

        assertThat(store.users().findById(admin.id()).orElseThrow().erased()).isTrue();
        assertRefused(() -> shop.eraseAccount().eraseAccount(second.id(), PASSWORD), ErrorCode.LAST_ADMIN);
    }

    @Test
    void noMailReachesTheErasedAddressQueuedBeforeOrPaidAfter() {
        User ann = customer();
        Product book = book("Mail", 700, 5);
        add(ann, book, 1);
        checkout(ann);
        Order pending = pendingOrder(ann, book, 1);
        long queued = store.mailOutbox().countUnsent();

        shop.eraseAccount().eraseAccount(ann.id(), PASSWORD);
        shop.handlePaymentEvent()
                .handle(paymentEvent(
                        PaymentEvent.Type.SUCCEEDED,
                        pending,
                        pending.paymentReference().orElseThrow()));
        shop.deliverMail().deliverDueMail();

        assertThat(reread(pending).status()).isEqualTo(OrderStatus.PAID);
        assertThat(store.mailOutbox().countUnsent()).isZero();
        assertThat(queued).isEqualTo(1);
        assertThat(mailer.sent())
                .noneMatch(m -> m.to().equals(ann.email()) || m.to().value().endsWith("@invalid"));
    }

    @Test
    void aCheckoutAfterTheCartWasEmptiedByErasureIsRefused() {
        User ann = customer();
        add(ann, book("Cart", 500, 3), 1);
        payments.answer(ScriptedPaymentGateway.Mode.APPROVE);

        shop.eraseAccount().eraseAccount(ann.id(), PASSWORD);

        assertRefused(() -> checkout(ann), ErrorCode.USER_INACTIVE);
    }

    @Test
    void anAdminCannotReactivateOrPromoteAnErasedAccount() {
        User ann = customer();
        shop.eraseAccount().eraseAccount(ann.id(), PASSWORD);

        assertRefused(
                () -> shop.adminUsers().updateUser(admin.id(), ann.id(), Optional.of(true), Optional.empty()),
                ErrorCode.USER_NOT_FOUND);
        assertRefused(
                () -> shop.adminUsers().updateUser(admin.id(), ann.id(), Optional.empty(), Optional.of(Role.ADMIN)),
                ErrorCode.USER_NOT_FOUND);
        assertRefused(
                () -> shop.adminUsers().updateUser(admin.id(), admin.id(), Optional.empty(), Optional.of(Role.USER)),
                ErrorCode.LAST_ADMIN);
        assertThat(store.users().findById(ann.id()).orElseThrow().active()).isFalse();
    }

    @Test
    void refreshesRacingAnErasureLeaveNoTokenBehind() throws Exception {
        User ann = customer();
        List<Session> sessions = List.of(logIn(ann, "a"), logIn(ann, "b"), logIn(ann, "c"));
        List<Callable<String>> tasks = new ArrayList<>();
        tasks.add(() -> {
            shop.eraseAccount().eraseAccount(ann.id(), PASSWORD);
            return "erased";
        });
        for (Session session : sessions) {
            tasks.add(() -> outcome(() -> shop.refreshSession().refresh(session.refreshToken())));
        }

        List<String> outcomes = race(tasks);

        assertThat(outcomes).first().isEqualTo("erased");
        assertThat(outcomes.subList(1, outcomes.size()))
                .allMatch(o -> o.equals("ok") || o.equals("INVALID_REFRESH_TOKEN"));
        assertThat(store.refreshTokens().findAllOfUser(ann.id())).isEmpty();
        assertThat(store.users().findById(ann.id()).orElseThrow().erased()).isTrue();
    }

    @Test
    void twoAdminsErasingThemselvesAtOnceLeaveOneStanding() throws Exception {
        User second = customer();
        shop.adminUsers().updateUser(admin.id(), second.id(), Optional.empty(), Optional.of(Role.ADMIN));

        List<String> outcomes = race(List.of(
                () -> outcome(() -> shop.eraseAccount().eraseAccount(admin.id(), PASSWORD)),
                () -> outcome(() -> shop.eraseAccount().eraseAccount(second.id(), PASSWORD))));

        assertThat(outcomes).containsExactlyInAnyOrder("ok", "LAST_ADMIN");
        assertThat(store.transactions().inTransaction(() -> store.users().lockActiveAdmins()))
                .hasSize(1);
    }

    private static String outcome(Runnable call) {
        try {
            call.run();
            return "ok";
        } catch (DomainException refused) {
            return refused.code().name();
        }
    }
}
