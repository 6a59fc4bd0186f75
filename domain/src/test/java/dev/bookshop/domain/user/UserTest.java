package dev.bookshop.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final UserId ID = UserId.of(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final Email EMAIL = Email.of("ann@example.com");
    private static final PasswordHash HASH = new PasswordHash("$2a$12$hash");

    @Test
    void aSignUpIsAlwaysAnActivePlainUser() {
        User user = User.signUp(ID, EMAIL, HASH, NOW);

        assertThat(user.role()).isEqualTo(Role.USER);
        assertThat(user.active()).isTrue();
        assertThat(user.isActiveAdmin()).isFalse();
        assertThat(user.id()).isEqualTo(ID);
        assertThat(user.email()).isEqualTo(EMAIL);
        assertThat(user.passwordHash()).isEqualTo(HASH);
        assertThat(user.createdAt()).isEqualTo(NOW);
    }

    @Test
    void anAdministratorIsAnActiveAdmin() {
        User admin = User.administrator(ID, EMAIL, HASH, NOW);

        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.isActiveAdmin()).isTrue();
    }

    @Test
    void anInactiveAccountCannotAct() {
        User inactive = User.rehydrate(ID, EMAIL, HASH, Role.ADMIN, false, NOW, false);

        assertThatThrownBy(inactive::requireActive)
                .isInstanceOfSatisfying(
                        UserInactiveException.class, e -> assertThat(e.userId()).isEqualTo(ID))
                .hasMessageContaining(ID.toString());
        assertThat(inactive.isActiveAdmin()).isFalse();
    }

    @Test
    void anActiveAccountPassesTheCheck() {
        User user = User.signUp(ID, EMAIL, HASH, NOW);

        assertThat(user.requireActive()).isSameAs(user);
    }

    @Test
    void changesReturnNewUsersAndLeaveTheOriginalAlone() {
        User user = User.signUp(ID, EMAIL, HASH, NOW);

        User promoted = user.withRole(Role.ADMIN);
        User deactivated = user.activated(false);
        User rehashed = user.withPassword(new PasswordHash("$2a$12$other"));

        assertThat(promoted).isNotSameAs(user);
        assertThat(promoted.role()).isEqualTo(Role.ADMIN);
        assertThat(deactivated.active()).isFalse();
        assertThat(rehashed.passwordHash()).isEqualTo(new PasswordHash("$2a$12$other"));
        assertThat(user.role()).isEqualTo(Role.USER);
        assertThat(user.active()).isTrue();
        assertThat(user.passwordHash()).isEqualTo(HASH);
        assertThat(promoted.id()).isEqualTo(ID);
        assertThat(promoted.createdAt()).isEqualTo(NOW);
    }

    @Test
    void reactivatingRestoresTheAccount() {
        User user = User.signUp(ID, EMAIL, HASH, NOW).activated(false).activated(true);

        assertThat(user.requireActive().active()).isTrue();
    }

    @Test
    void rehydrateRebuildsWhatWasStored() {
        User stored = User.rehydrate(ID, EMAIL, HASH, Role.ADMIN, true, NOW, true);

        assertThat(stored).isEqualTo(User.administrator(ID, EMAIL, HASH, NOW));
        assertThat(stored).isNotEqualTo(stored.activated(false));
        assertThat(User.rehydrate(ID, EMAIL, HASH, Role.ADMIN, true, NOW, false))
                .isNotEqualTo(stored);
    }

    @Test
    void neverPrintsTheHashOrTheEmail() {
        User user = User.signUp(ID, EMAIL, HASH, NOW);

        assertThat(user.toString()).doesNotContain("$2a$").doesNotContain("ann@example.com");
    }

    @Test
    void aSignUpHasAnUnverifiedAddressAndTheOperatorsAdminAVerifiedOne() {
        assertThat(User.signUp(ID, EMAIL, HASH, NOW).isEmailVerified()).isFalse();
        assertThat(User.administrator(ID, EMAIL, HASH, NOW).isEmailVerified()).isTrue();
    }

    @Test
    void verifyingTheAddressKeepsEverythingElse() {
        User user = User.signUp(ID, EMAIL, HASH, NOW);

        User verified = user.emailVerified();

        assertThat(verified.isEmailVerified()).isTrue();
        assertThat(verified.email()).isEqualTo(EMAIL);
        assertThat(verified.passwordHash()).isEqualTo(HASH);
        assertThatThrownBy(verified::requireUnverifiedEmail).isInstanceOf(EmailAlreadyVerifiedException.class);
        assertThat(user.requireUnverifiedEmail()).isSameAs(user);
    }

    @Test
    void changingTheAddressMovesTheAccountToAVerifiedNewOne() {
        User changed = User.signUp(ID, EMAIL, HASH, NOW).changeEmail(Email.of("bea@example.com"));

        assertThat(changed.email()).isEqualTo(Email.of("bea@example.com"));
        assertThat(changed.isEmailVerified()).isTrue();
        assertThat(changed.id()).isEqualTo(ID);
    }

    @Test
    void anUnverifiedCustomerIsRefusedWhereAVerifiedAddressIsRequiredButNotAnAdmin() {
        User customer = User.signUp(ID, EMAIL, HASH, NOW);

        assertThatThrownBy(customer::requireVerifiedEmail).isInstanceOf(EmailNotVerifiedException.class);
        assertThat(customer.emailVerified().requireVerifiedEmail()).isNotNull();
        assertThat(User.rehydrate(ID, EMAIL, HASH, Role.ADMIN, true, NOW, false).requireVerifiedEmail())
                .isNotNull();
    }
}
