package dev.bookshop.application.account.port.in;

import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import java.util.Optional;

/**
 * Managing accounts, for active administrators. Deactivating a user revokes all of their refresh tokens; the last
 * active administrator cannot be deactivated or demoted ({@code LAST_ADMIN}).
 */
public interface AdminUsersUseCase {

    Page<User> listUsers(UserId actor, PageRequest page);

    User updateUser(UserId actor, UserId target, Optional<Boolean> active, Optional<Role> role);
}
