package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.UsersRecord;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.PasswordHash;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;

/** Maps a {@code users} row to a {@link User} and back. */
final class UserMapper {

    private UserMapper() {}

    static User toDomain(UsersRecord row) {
        return User.rehydrate(
                UserId.of(row.getId()),
                new Email(row.getEmail()),
                new PasswordHash(row.getPasswordHash()),
                Role.valueOf(row.getRole()),
                row.getActive(),
                row.getCreatedAt(),
                row.getEmailVerified());
    }

    static UsersRecord toRecord(User user) {
        return new UsersRecord(
                user.id().value(),
                user.email().value(),
                user.passwordHash().value(),
                user.role().name(),
                user.active(),
                user.createdAt(),
                user.isEmailVerified());
    }
}
