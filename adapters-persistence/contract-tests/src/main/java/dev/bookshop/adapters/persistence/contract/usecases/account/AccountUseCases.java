package dev.bookshop.adapters.persistence.contract.usecases.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.adapters.persistence.contract.usecases.UseCaseTestBase;
import dev.bookshop.application.account.port.in.Session;
import dev.bookshop.application.order.query.OrderQuery;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.common.ErrorCode;
import dev.bookshop.domain.order.Order;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Signing up, logging in, sessions, passwords and the administration of accounts. Every adapter subclasses it once; each test makes its own users and books.
 */
public abstract class AccountUseCases extends UseCaseTestBase {

    @Test
    void signupMakesAnActiveCustomerWithANormalisedEmail() {
        String raw = "  Mixed.Case+" + UUID.randomUUID() + "@Example.COM ";
        User user = shop.signUp().signUp(Email.of(raw), Password.chosen(PASSWORD));

        assertThat(user.role()).isEqualTo(Role.USER);
        assertThat(user.active()).isTrue();
        assertThat(user.email().value()).isEqualTo(raw.strip().toLowerCase(java.util.Locale.ROOT));
        assertThat(store.users().findById(user.id())).contains(user);
    }

    @Test
    void signupWithATakenEmailInAnyCaseIsRefused() {
        User first = customer();
        Email shouted = Email.of(first.email().value().toUpperCase(java.util.Locale.ROOT));

        assertRefused(() -> shop.signUp().signUp(shouted, Password.chosen(PASSWORD)), ErrorCode.EMAIL_TAKEN);
    }

    @Test
    void loginOpensASessionWithARefreshToken() {
        User user = customer();

        Session session = shop.logIn().logIn(user.email().value(), PASSWORD);

        assertThat(session.user().id()).isEqualTo(user.id());
        assertThat(session.refreshToken()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(session.refreshExpiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    }

    @Test
    void wrongPasswordUnknownEmailAndInactiveAccountAreOneRefusalWithOneHashComparisonEach() {
        User user = customer();
        User gone = customer();
        deactivate(gone);

        int before = hasher.comparisons();
        assertRefused(() -> shop.logIn().logIn(user.email().value(), "wrong password"), ErrorCode.INVALID_CREDENTIALS);
        assertRefused(() -> shop.logIn().logIn(uniqueEmail("nobody").value(), PASSWORD), ErrorCode.INVALID_CREDENTIALS);
        assertRefused(() -> shop.logIn().logIn(gone.email().value(), PASSWORD), ErrorCode.INVALID_CREDENTIALS);
        assertRefused(() -> shop.logIn().logIn("not an email", PASSWORD), ErrorCode.INVALID_CREDENTIALS);

        assertThat(hasher.comparisons() - before).isEqualTo(4);
    }

    @Test
    void refreshRotatesTheToken() {
        Session first = shop.logIn().logIn(customer().email().value(), PASSWORD);

        Session second = shop.refreshSession().refresh(first.refreshToken());

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(shop.refreshSession().refresh(second.refreshToken()).user().id())
                .isEqualTo(first.user().id());
    }

    @Test
    void reusingARotatedTokenRevokesEveryTokenOfTheUser() {
        User user = customer();
        Session stolen = shop.logIn().logIn(user.email().value(), PASSWORD);
        Session otherDevice = shop.logIn().logIn(user.email().value(), PASSWORD);
        Session rotated = shop.refreshSession().refresh(stolen.refreshToken());

        assertRefused(() -> shop.refreshSession().refresh(stolen.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);

        assertRefused(() -> shop.refreshSession().refresh(rotated.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
        assertRefused(() -> shop.refreshSession().refresh(otherDevice.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
    }

    @Test
    void aSessionRefreshedDailyEndsAtItsMaxAgeAfterLogin() {
        reopenShop(settings().withSessionMaxAge(Duration.ofDays(10)));
        Session login = shop.logIn().logIn(customer().email().value(), PASSWORD);
        Instant end = clock.instant().plus(Duration.ofDays(10));
        Session current = login;
        for (int day = 1; day < 10; day++) {
            clock.advance(Duration.ofDays(1));
            current = shop.refreshSession().refresh(current.refreshToken());
            assertThat(current.refreshExpiresAt()).as("day %d", day).isEqualTo(end);
        }
        Session last = current;

        clock.advance(Duration.ofDays(1));

        assertRefused(() -> shop.refreshSession().refresh(last.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
    }

    @Test
    void aSessionOpenedBeforeAShorterMaxAgeEndsByTheNewOne() {
        Session session = shop.logIn().logIn(customer().email().value(), PASSWORD);
        clock.advance(Duration.ofDays(3));
        reopenShop(settings().withSessionMaxAge(Duration.ofDays(2)));

        assertRefused(() -> shop.refreshSession().refresh(session.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
    }

    @Test
    void withinTheGraceTheTokenJustRotatedGetsAFreshSuccessorAndNothingIsRevoked() {
        reopenShop(settings().withRefreshReuseGrace(Duration.ofSeconds(10)));
        User user = customer();
        Session login = shop.logIn().logIn(user.email().value(), PASSWORD);
        Session otherDevice = shop.logIn().logIn(user.email().value(), PASSWORD);
        Session firstTab = shop.refreshSession().refresh(login.refreshToken());
        clock.advance(Duration.ofSeconds(5));

        Session secondTab = shop.refreshSession().refresh(login.refreshToken());

        assertThat(secondTab.refreshToken()).isNotEqualTo(firstTab.refreshToken());
        assertThat(secondTab.user().id()).isEqualTo(user.id());
        assertThat(store.refreshTokens()
                        .findByHash(TokenHash.of(secondTab.refreshToken()))
                        .orElseThrow()
                        .familyId())
                .as("the same session")
                .isEqualTo(store.refreshTokens()
                        .findByHash(TokenHash.of(firstTab.refreshToken()))
                        .orElseThrow()
                        .familyId());
        assertThat(shop.refreshSession().refresh(firstTab.refreshToken()).user().id())
                .isEqualTo(user.id());
        assertThat(shop.refreshSession()
                        .refresh(secondTab.refreshToken())
                        .user()
                        .id())
                .isEqualTo(user.id());
        assertThat(shop.refreshSession()
                        .refresh(otherDevice.refreshToken())
                        .user()
                        .id())
                .isEqualTo(user.id());
    }

    @Test
    void afterTheGraceTheTokenJustRotatedIsReuseAndRevokesEverything() {
        reopenShop(settings().withRefreshReuseGrace(Duration.ofSeconds(10)));
        User user = customer();
        Session login = shop.logIn().logIn(user.email().value(), PASSWORD);
        Session otherDevice = shop.logIn().logIn(user.email().value(), PASSWORD);
        Session rotated = shop.refreshSession().refresh(login.refreshToken());
        clock.advance(Duration.ofSeconds(10));

        assertRefused(() -> shop.refreshSession().refresh(login.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);

        assertRefused(() -> shop.refreshSession().refresh(rotated.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
        assertRefused(() -> shop.refreshSession().refresh(otherDevice.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
    }

    @Test
    void withinTheGraceButAfterAPasswordChangeTheRotatedTokenIsRefused() {
        reopenShop(settings().withRefreshReuseGrace(Duration.ofSeconds(10)));
        User user = customer();
        Session login = shop.logIn().logIn(user.email().value(), PASSWORD);
        shop.refreshSession().refresh(login.refreshToken());
        shop.changePassword().changePassword(user.id(), PASSWORD, Password.chosen("new password 1"));
        clock.advance(Duration.ofSeconds(1));

        assertRefused(() -> shop.refreshSession().refresh(login.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
    }

    @Test
    void withinTheGraceButAfterDeactivationOrLogoutTheRotatedTokenIsRefused() {
        reopenShop(settings().withRefreshReuseGrace(Duration.ofSeconds(10)));
        User deactivated = customer();
        Session login = shop.logIn().logIn(deactivated.email().value(), PASSWORD);
        shop.refreshSession().refresh(login.refreshToken());
        deactivate(deactivated);
        Session loggedOut = shop.logIn().logIn(customer().email().value(), PASSWORD);
        shop.refreshSession().refresh(loggedOut.refreshToken());
        shop.logOut().logOut(loggedOut.refreshToken());

        assertRefused(() -> shop.refreshSession().refresh(login.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
        assertRefused(() -> shop.refreshSession().refresh(loggedOut.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
    }

    @Test
    void withoutAGraceTheTokenJustRotatedIsReuseAtOnce() {
        User user = customer();
        Session login = shop.logIn().logIn(user.email().value(), PASSWORD);
        Session rotated = shop.refreshSession().refresh(login.refreshToken());

        assertRefused(() -> shop.refreshSession().refresh(login.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
        assertRefused(() -> shop.refreshSession().refresh(rotated.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
    }

    @Test
    void expiredUnknownAndBlankTokensAreRefused() {
        Session session = shop.logIn().logIn(customer().email().value(), PASSWORD);
        clock.advance(Duration.ofDays(30));

        assertRefused(() -> shop.refreshSession().refresh(session.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
        assertRefused(() -> shop.refreshSession().refresh("made-up"), ErrorCode.INVALID_REFRESH_TOKEN);
        assertRefused(() -> shop.refreshSession().refresh(" "), ErrorCode.INVALID_REFRESH_TOKEN);
    }

    @Test
    void aDeactivatedUserCannotRefresh() {
        User user = customer();
        Session session = shop.logIn().logIn(user.email().value(), PASSWORD);

        deactivate(user);

        assertRefused(() -> shop.refreshSession().refresh(session.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
    }

    @Test
    void logoutRevokesTheTokenAndMayBeRepeated() {
        Session session = shop.logIn().logIn(customer().email().value(), PASSWORD);

        shop.logOut().logOut(session.refreshToken());
        shop.logOut().logOut(session.refreshToken());
        shop.logOut().logOut("never-issued");

        assertRefused(() -> shop.refreshSession().refresh(session.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsEverySession() {
        User user = customer();
        Session session = shop.logIn().logIn(user.email().value(), PASSWORD);

        assertRefused(
                () -> shop.changePassword().changePassword(user.id(), "not it", Password.chosen("new password 1")),
                ErrorCode.INVALID_CREDENTIALS);
        shop.changePassword().changePassword(user.id(), PASSWORD, Password.chosen("new password 1"));

        assertRefused(() -> shop.refreshSession().refresh(session.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
        assertRefused(() -> shop.logIn().logIn(user.email().value(), PASSWORD), ErrorCode.INVALID_CREDENTIALS);
        assertThat(shop.logIn()
                        .logIn(user.email().value(), "new password 1")
                        .user()
                        .id())
                .isEqualTo(user.id());
    }

    @Test
    void ensureAdminPromotesAnExistingAccountAndIsRepeatable() {
        User user = customer();

        User promoted = shop.ensureAdmin().ensureAdmin(user.email(), Password.chosen(PASSWORD));

        assertThat(promoted.role()).isEqualTo(Role.ADMIN);
        assertThat(shop.ensureAdmin().ensureAdmin(user.email(), Password.chosen(PASSWORD)))
                .isEqualTo(promoted);
        assertThat(shop.logIn().logIn(user.email().value(), PASSWORD).user().role())
                .isEqualTo(Role.ADMIN);
    }

    @Test
    void currentUserIsTheCaller() {
        User user = customer();

        assertThat(shop.currentUser().currentUser(user.id())).isEqualTo(user);
        assertRefused(() -> shop.currentUser().currentUser(new UserId(UUID.randomUUID())), ErrorCode.USER_NOT_FOUND);
    }

    @Test
    void customersAreNotAdmins() {
        User user = customer();

        assertRefused(() -> shop.adminUsers().listUsers(user.id(), PageRequest.first()), ErrorCode.NOT_ADMIN);
        assertRefused(() -> shop.adminCatalog().createCategory(user.id(), "Sneaky"), ErrorCode.NOT_ADMIN);
        assertRefused(
                () -> shop.adminOrders()
                        .listOrders(user.id(), new OrderQuery(Optional.empty(), Optional.empty(), PageRequest.first())),
                ErrorCode.NOT_ADMIN);
    }

    @Test
    void deactivatingAUserEndsTheirSessionsAndKeepsTheirOrders() {
        User user = customer();
        add(user, book("Kept", 100, 5), 1);
        Order order = checkout(user).order();
        Session session = shop.logIn().logIn(user.email().value(), PASSWORD);

        User deactivated = shop.adminUsers().updateUser(admin.id(), user.id(), Optional.of(false), Optional.empty());

        assertThat(deactivated.active()).isFalse();
        assertRefused(() -> shop.refreshSession().refresh(session.refreshToken()), ErrorCode.INVALID_REFRESH_TOKEN);
        assertThat(store.orders().findById(order.id())).isPresent();
        assertThat(shop.adminOrders()
                        .listOrders(
                                admin.id(),
                                new OrderQuery(Optional.empty(), Optional.of(user.id()), PageRequest.first()))
                        .items())
                .singleElement()
                .satisfies(o -> assertThat(o.customerEmail()).isEqualTo(user.email()));
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivated() {
        assertRefused(
                () -> shop.adminUsers().updateUser(admin.id(), admin.id(), Optional.empty(), Optional.of(Role.USER)),
                ErrorCode.LAST_ADMIN);
        assertRefused(
                () -> shop.adminUsers().updateUser(admin.id(), admin.id(), Optional.of(false), Optional.empty()),
                ErrorCode.LAST_ADMIN);

        User second = customer();
        shop.adminUsers().updateUser(admin.id(), second.id(), Optional.empty(), Optional.of(Role.ADMIN));
        assertThat(shop.adminUsers()
                        .updateUser(second.id(), admin.id(), Optional.empty(), Optional.of(Role.USER))
                        .role())
                .isEqualTo(Role.USER);
        assertRefused(() -> shop.adminUsers().listUsers(admin.id(), PageRequest.first()), ErrorCode.NOT_ADMIN);
    }
}
