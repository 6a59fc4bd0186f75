package dev.bookshop.adapters.persistence.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.adapters.persistence.contract.usecases.FastPasswordHasher;
import dev.bookshop.adapters.persistence.contract.usecases.RecordingMailer;
import dev.bookshop.adapters.persistence.contract.usecases.ScriptedPaymentGateway;
import dev.bookshop.application.account.port.in.AdminPasswordMismatchException;
import dev.bookshop.application.account.port.out.TokenGenerator;
import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.service.BookshopServices;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.InvalidCredentialsException;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Ensuring the operator's administrator at start-up: signup verifies no address, so an account that already has the
 * administrator's email becomes an administrator only when the operator's password is that account's password.
 */
class EnsureAdminUseCaseTest {

    private static final Email ADMIN = Email.of("owner@bookshop.test");
    private static final String OPERATORS_PASSWORD = "the operator's password";
    private static final String SQUATTERS_PASSWORD = "the squatter's password";

    private final UseCases shop = BookshopServices.create(
            InMemoryPersistence.create(),
            new FastPasswordHasher(),
            new ScriptedPaymentGateway(),
            new RecordingMailer(),
            Clock.systemUTC(),
            IdGenerator.random(),
            TokenGenerator.secureRandom(),
            ShopSettings.defaults());

    @Test
    void anAbsentAdministratorIsCreatedWithTheGivenPassword() {
        User admin = shop.ensureAdmin().ensureAdmin(ADMIN, Password.chosen(OPERATORS_PASSWORD));

        assertThat(admin.isActiveAdmin()).isTrue();
        assertThat(shop.logIn().logIn(ADMIN.value(), OPERATORS_PASSWORD).user().role())
                .isEqualTo(Role.ADMIN);
    }

    @Test
    void someoneWhoSignedUpWithTheAdministratorsEmailIsNotPromotedWithoutTheOperatorsPassword() {
        User squatter = shop.signUp().signUp(ADMIN, Password.chosen(SQUATTERS_PASSWORD));

        assertThatThrownBy(() -> shop.ensureAdmin().ensureAdmin(ADMIN, Password.chosen(OPERATORS_PASSWORD)))
                .isInstanceOf(AdminPasswordMismatchException.class)
                .hasMessageContaining(ADMIN.value())
                .hasMessageNotContaining(OPERATORS_PASSWORD)
                .hasMessageNotContaining(SQUATTERS_PASSWORD);

        assertThat(shop.currentUser().currentUser(squatter.id()).role()).isEqualTo(Role.USER);
        assertThat(shop.logIn().logIn(ADMIN.value(), SQUATTERS_PASSWORD).user().role())
                .isEqualTo(Role.USER);
        assertThatThrownBy(() -> shop.logIn().logIn(ADMIN.value(), OPERATORS_PASSWORD))
                .isInstanceOf(InvalidCredentialsException.class);
    }

    @Test
    void anExistingAccountWithTheOperatorsPasswordIsPromotedAndRepeatingChangesNothing() {
        User customer = shop.signUp().signUp(ADMIN, Password.chosen(OPERATORS_PASSWORD));

        User promoted = shop.ensureAdmin().ensureAdmin(ADMIN, Password.chosen(OPERATORS_PASSWORD));

        assertThat(promoted.id()).isEqualTo(customer.id());
        assertThat(promoted.isActiveAdmin()).isTrue();
        assertThat(shop.ensureAdmin().ensureAdmin(ADMIN, Password.chosen(OPERATORS_PASSWORD)))
                .isEqualTo(promoted);
    }

    @Test
    void aDeactivatedAdministratorIsReactivatedOnlyWithItsPassword() {
        User owner = shop.ensureAdmin().ensureAdmin(ADMIN, Password.chosen(OPERATORS_PASSWORD));
        User other =
                shop.ensureAdmin().ensureAdmin(Email.of("second@bookshop.test"), Password.chosen(OPERATORS_PASSWORD));
        shop.adminUsers().updateUser(other.id(), owner.id(), Optional.of(false), Optional.empty());

        assertThatThrownBy(() -> shop.ensureAdmin().ensureAdmin(ADMIN, Password.chosen(SQUATTERS_PASSWORD)))
                .isInstanceOf(AdminPasswordMismatchException.class);
        assertThat(shop.currentUser().currentUser(owner.id()).active()).isFalse();

        User reactivated = shop.ensureAdmin().ensureAdmin(ADMIN, Password.chosen(OPERATORS_PASSWORD));

        assertThat(reactivated.id()).isEqualTo(owner.id());
        assertThat(reactivated.isActiveAdmin()).isTrue();
    }
}
