package dev.bookshop.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.common.InvalidValueException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserErasureTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final UserId ID = UserId.of(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final UserId OTHER = UserId.of(UUID.fromString("00000000-0000-0000-0000-0000000000b2"));
    private static final PasswordHash HASH = new PasswordHash("$2a$12$hash");

    @Test
    void anErasedAccountKeepsOnlyItsIdAndCreationTime() {
        User user = User.signUp(ID, Email.of("ann@example.com"), HASH, NOW);

        User erased = user.erase(List.of());

        assertThat(erased.id()).isEqualTo(ID);
        assertThat(erased.createdAt()).isEqualTo(NOW);
        assertThat(erased.email().value()).isEqualTo("deleted-" + ID + "@invalid");
        assertThat(erased.passwordHash()).isNotEqualTo(HASH);
        assertThat(erased.active()).isFalse();
        assertThat(erased.role()).isEqualTo(Role.USER);
        assertThat(erased.erased()).isTrue();
        assertThat(user.erased()).isFalse();
    }

    @Test
    void theLastActiveAdministratorCannotEraseItself() {
        User admin = User.administrator(ID, Email.of("root@example.com"), HASH, NOW);

        assertThatThrownBy(() -> admin.erase(List.of(ID))).isInstanceOf(LastAdminException.class);
        assertThat(admin.erase(List.of(ID, OTHER)).erased()).isTrue();
    }

    @Test
    void theErasedPlaceholderCannotBeTypedIn() {
        String placeholder = Email.erasedPlaceholder(ID).value();

        assertThatThrownBy(() -> Email.of(placeholder)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Email.of(" Deleted-" + ID + "@INVALID ")).isInstanceOf(InvalidValueException.class);
        assertThat(new Email(placeholder).isErasedPlaceholder()).isTrue();
        assertThatThrownBy(() -> new Email("ann@invalid")).isInstanceOf(InvalidValueException.class);
    }
}
