package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.Fixtures.storedUser;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.PasswordHash;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JooqUserRepositoryTest extends DatabaseTest {

    @Test
    void stores_a_user_and_finds_it_by_id_and_by_email_in_any_case() {
        User ann = user("ann@example.com");

        assertThat(ports.users().insertIfEmailFree(ann)).isTrue();

        assertThat(ports.users().findById(ann.id())).contains(ann);
        assertThat(ports.users().findByEmail(Email.of(" Ann@Example.COM "))).contains(ann);
        assertThat(ports.users().findById(UserId.of(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void refuses_a_second_account_with_the_same_email() {
        storedUser(ports, "ann@example.com");

        assertThat(ports.users().insertIfEmailFree(user("ann@example.com"))).isFalse();
        assertThat(ports.users().findAll(PageRequest.first()).total()).isEqualTo(1);
    }

    @Test
    void updates_role_active_flag_and_password() {
        User ann = storedUser(ports, "ann@example.com");
        User changed = ann.withRole(Role.ADMIN).activated(false).withPassword(new PasswordHash("$2a$12$new"));

        ports.users().update(changed);

        assertThat(ports.users().findByIdForUpdate(ann.id())).contains(changed);
    }

    @Test
    void pages_users_oldest_first_and_locks_only_active_admins() {
        User admin = storedUser(ports, "admin@example.com").withRole(Role.ADMIN);
        ports.users().update(admin);
        User retired =
                storedUser(ports, "retired@example.com").withRole(Role.ADMIN).activated(false);
        ports.users().update(retired);
        storedUser(ports, "customer@example.com");

        var page = ports.users().findAll(PageRequest.of(2, 2));
        var admins = ports.transactions().inTransaction(() -> ports.users().lockActiveAdmins());

        assertThat(page.total()).isEqualTo(3);
        assertThat(page.items()).hasSize(1);
        assertThat(ports.users().findAll(PageRequest.of(5, 2)).total()).isEqualTo(3);
        assertThat(admins).containsExactly(admin.id());
    }
}
