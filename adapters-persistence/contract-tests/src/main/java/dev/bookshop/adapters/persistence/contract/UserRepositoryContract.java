package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every adapter's {@code UserRepository} must do. */
public abstract class UserRepositoryContract extends PersistenceContract {

    @Test
    void roundTripsEveryField() {
        User admin = TestData.user(
                TestData.email(), Role.ADMIN, false, TestData.now().minusSeconds(3600));

        givenUser(admin);

        inTx(() -> {
            assertThat(ports.users().findById(admin.id())).contains(admin);
            assertThat(ports.users().findByEmail(admin.email())).contains(admin);
            assertThat(ports.users().findByIdForUpdate(admin.id())).contains(admin);
        });
    }

    @Test
    void findsNothingForUnknownIdsAndEmails() {
        givenUser();

        inTx(() -> {
            assertThat(ports.users().findById(UserId.of(UUID.randomUUID()))).isEmpty();
            assertThat(ports.users().findByIdForUpdate(UserId.of(UUID.randomUUID())))
                    .isEmpty();
            assertThat(ports.users().findByEmail(TestData.email())).isEmpty();
        });
    }

    @Test
    void refusesASecondUserWithTheSameEmailAndWritesNothing() {
        User first = givenUser();
        User second = TestData.user(first.email(), Role.ADMIN, true, TestData.now());

        boolean inserted = inTx(() -> ports.users().insertIfEmailFree(second));

        assertThat(inserted).isFalse();
        inTx(() -> {
            assertThat(ports.users().findById(second.id())).isEmpty();
            assertThat(ports.users().findByEmail(first.email())).contains(first);
        });
    }

    @Test
    void emailsAreUniqueIgnoringCase() {
        String local = "Reader." + TestData.word();
        User first = givenUser(TestData.user(Email.of(local + "@Example.COM"), Role.USER, true, TestData.now()));
        User shouting = TestData.user(
                Email.of(local.toUpperCase(Locale.ROOT) + "@EXAMPLE.com"), Role.USER, true, TestData.now());

        boolean inserted = inTx(() -> ports.users().insertIfEmailFree(shouting));

        assertThat(inserted).isFalse();
        assertThat(inTx(() -> ports.users().findByEmail(Email.of(local.toLowerCase(Locale.ROOT) + "@example.com"))))
                .contains(first);
    }

    @Test
    void updateWritesRolePasswordAndActiveFlagOnly() {
        User user = givenUser();
        User changed = User.rehydrate(
                user.id(),
                TestData.email(),
                TestData.passwordHash(),
                Role.ADMIN,
                false,
                user.createdAt().minusSeconds(86_400),
                false);

        inTx(() -> ports.users().update(changed));

        User expected =
                user.withPassword(changed.passwordHash()).withRole(Role.ADMIN).activated(false);
        inTx(() -> {
            assertThat(ports.users().findById(user.id())).contains(expected);
            assertThat(ports.users().findByEmail(user.email())).contains(expected);
            assertThat(ports.users().findByEmail(changed.email())).isEmpty();
        });
    }

    @Test
    void roundTripsTheVerifiedFlag() {
        User verified = givenUser(User.administrator(
                UserId.of(UUID.randomUUID()), TestData.email(), TestData.passwordHash(), TestData.now()));

        assertThat(inTx(() -> ports.users().findById(verified.id()))
                        .orElseThrow()
                        .isEmailVerified())
                .isTrue();
    }

    @Test
    void updateWritesTheVerifiedFlagButNeverTheEmail() {
        User user = givenUser();

        inTx(() -> ports.users().update(user.emailVerified()));
        inTx(() -> ports.users().update(user.changeEmail(TestData.email())));

        assertThat(inTx(() -> ports.users().findById(user.id()))).contains(user.emailVerified());
    }

    @Test
    void updateEmailIfFreeMovesTheAccountAndWritesTheVerifiedFlag() {
        User user = givenUser();
        Email next = TestData.email();

        assertThat(inTx(() -> ports.users().updateEmailIfFree(user.changeEmail(next))))
                .isTrue();

        User moved = user.changeEmail(next);
        inTx(() -> {
            assertThat(ports.users().findById(user.id())).contains(moved);
            assertThat(ports.users().findByEmail(next)).contains(moved);
            assertThat(ports.users().findByEmail(user.email())).isEmpty();
        });
    }

    @Test
    void updateEmailIfFreeRefusesAnAddressAnotherAccountHoldsInAnyCase() {
        User user = givenUser();
        User other = givenUser();
        Email shouted = Email.of(other.email().value().toUpperCase(Locale.ROOT));

        assertThat(inTx(() -> ports.users().updateEmailIfFree(user.changeEmail(shouted))))
                .isFalse();

        inTx(() -> {
            assertThat(ports.users().findById(user.id())).contains(user);
            assertThat(ports.users().findById(other.id())).contains(other);
        });
    }

    @Test
    void twoAccountsMovingToOneAddressAtOnceOneWins() {
        List<User> movers = List.of(givenUser(), givenUser(), givenUser(), givenUser());
        Email wanted = TestData.email();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();

        List<Boolean> wins = Concurrently.run(movers.size(), () -> {
            User mover = movers.get(next.getAndIncrement());
            return inTx(() -> ports.users().updateEmailIfFree(mover.changeEmail(wanted)));
        });

        assertThat(wins).containsOnlyOnce(true);
        assertThat(inTx(() -> ports.users().findByEmail(wanted))).isPresent();
    }

    @Test
    void updateLeavesOtherUsersAlone() {
        User user = givenUser();
        User other = givenUser();

        inTx(() -> ports.users().update(user.withRole(Role.ADMIN)));

        assertThat(inTx(() -> ports.users().findById(other.id()))).contains(other);
    }

    @Test
    void listsAllUsersOldestFirstInPages() {
        Instant base = TestData.now().minusSeconds(10_000);
        User third = givenUser(TestData.user(TestData.email(), Role.USER, true, base.plusSeconds(30)));
        User first = givenUser(TestData.user(TestData.email(), Role.ADMIN, true, base.plusSeconds(10)));
        User second = givenUser(TestData.user(TestData.email(), Role.USER, false, base.plusSeconds(20)));

        Page<User> firstPage = inTx(() -> ports.users().findAll(PageRequest.of(1, 2)));
        Page<User> secondPage = inTx(() -> ports.users().findAll(PageRequest.of(2, 2)));

        assertThat(firstPage.items()).containsExactly(first, second);
        assertThat(firstPage.total()).isEqualTo(3);
        assertThat(firstPage.page()).isEqualTo(1);
        assertThat(firstPage.size()).isEqualTo(2);
        assertThat(secondPage.items()).containsExactly(third);
        assertThat(secondPage.total()).isEqualTo(3);
    }

    @Test
    void aPageBeyondTheEndIsEmptyButKeepsTheTotal() {
        givenUser();

        Page<User> page = inTx(() -> ports.users().findAll(PageRequest.of(5, 10)));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void locksExactlyTheActiveAdmins() {
        User admin = givenUser(TestData.admin());
        User otherAdmin = givenUser(TestData.admin());
        User retired = givenUser(TestData.user(TestData.email(), Role.ADMIN, false, TestData.now()));
        User customer = givenUser();

        List<UserId> locked = inTx(() -> ports.users().lockActiveAdmins());

        assertThat(locked)
                .contains(admin.id(), otherAdmin.id())
                .doesNotContain(retired.id(), customer.id())
                .doesNotHaveDuplicates();
    }

    @Test
    void concurrentSignupsWithOneEmailLetExactlyOneWin() {
        Email email = TestData.email();
        int threads = 50;

        List<Boolean> answers = Concurrently.run(threads, () -> {
            User user = TestData.user(email, Role.USER, true, TestData.now());
            return inTx(() -> ports.users().insertIfEmailFree(user));
        });

        assertThat(answers).filteredOn(Boolean::booleanValue).hasSize(1);
        assertThat(inTx(() -> ports.users().findByEmail(email))).isPresent();
    }

    @Test
    void anErasedAccountReadsBackUnverified() {
        User verified = TestData.user(TestData.email(), Role.USER, true, TestData.now());
        User stored = User.rehydrate(
                verified.id(),
                verified.email(),
                verified.passwordHash(),
                verified.role(),
                verified.active(),
                verified.createdAt(),
                true);
        givenUser(stored);

        inTx(() -> ports.users().updateErased(stored.erase(List.of())));

        assertThat(ports.users().findById(stored.id()).orElseThrow().isEmailVerified())
                .isFalse();
    }

    @Test
    void updateErasedWritesThePlaceholderEmailAndFreesTheOldOne() {
        User admin = givenUser(TestData.admin());
        User other = givenUser();
        User erased = admin.erase(List.of(admin.id(), other.id()));

        inTx(() -> ports.users().updateErased(erased));

        User stored = ports.users().findById(admin.id()).orElseThrow();
        assertThat(stored.email()).isEqualTo(Email.erasedPlaceholder(admin.id()));
        assertThat(stored.passwordHash()).isEqualTo(erased.passwordHash());
        assertThat(stored.role()).isEqualTo(Role.USER);
        assertThat(stored.active()).isFalse();
        assertThat(stored.createdAt()).isEqualTo(admin.createdAt());
        assertThat(stored.erased()).isTrue();
        assertThat(ports.users().findByEmail(admin.email())).isEmpty();
        assertThat(ports.users().findById(other.id())).contains(other);
        User again = TestData.user(admin.email(), Role.USER, true, TestData.now());
        assertThat(inTx(() -> ports.users().insertIfEmailFree(again))).isTrue();
        assertThat(ports.users().findByEmail(admin.email()).map(User::id)).contains(again.id());
    }
}
