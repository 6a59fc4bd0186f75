package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.PasswordHash;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;

/** Maps a {@link UserEntity} to a {@link User} and back. */
final class UserMapper {

    private UserMapper() {}

    static User toDomain(UserEntity row) {
        return User.rehydrate(
                UserId.of(row.id),
                new Email(row.email),
                new PasswordHash(row.passwordHash),
                Role.valueOf(row.role),
                row.active,
                row.createdAt,
                row.emailVerified);
    }

    static UserEntity toEntity(User user) {
        UserEntity row = new UserEntity();
        row.id = user.id().value();
        row.email = user.email().value();
        row.passwordHash = user.passwordHash().value();
        row.role = user.role().name();
        row.active = user.active();
        row.createdAt = user.createdAt();
        row.emailVerified = user.isEmailVerified();
        return row;
    }
}
