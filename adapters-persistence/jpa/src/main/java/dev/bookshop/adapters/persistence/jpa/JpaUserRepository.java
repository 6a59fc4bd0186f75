package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.account.port.out.UserRepository;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import jakarta.persistence.LockModeType;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** Accounts in {@code users}; the unique index on {@code lower(email)} settles signup races. */
final class JpaUserRepository implements UserRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final JpaTransactionRunner transactions;

    JpaUserRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean insertIfEmailFree(User user) {
        UserEntity row = UserMapper.toEntity(user);
        // ON CONFLICT rather than persist(): a taken email must answer false, not abort the use case's transaction.
        return transactions.call(em -> em.createQuery("""
                                insert into UserEntity
                                    (id, email, passwordHash, role, active, createdAt, emailVerified)
                                values (:id, :email, :passwordHash, :role, :active, :createdAt, :emailVerified)
                                on conflict do nothing""")
                        .setParameter("id", row.id)
                        .setParameter("email", row.email)
                        .setParameter("passwordHash", row.passwordHash)
                        .setParameter("role", row.role)
                        .setParameter("active", row.active)
                        .setParameter("createdAt", row.createdAt)
                        .setParameter("emailVerified", row.emailVerified)
                        .executeUpdate()
                == 1);
    }

    @Override
    public Optional<User> findById(UserId id) {
        return transactions.call(
                em -> Optional.ofNullable(em.find(UserEntity.class, id.value())).map(UserMapper::toDomain));
    }

    @Override
    public Optional<User> findByIdForUpdate(UserId id) {
        return transactions.call(
                em -> Optional.ofNullable(em.find(UserEntity.class, id.value(), LockModeType.PESSIMISTIC_WRITE))
                        .map(UserMapper::toDomain));
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        // Written as lower(email) so the lookup uses the unique index.
        return transactions.call(
                em -> em.createQuery("select u from UserEntity u where lower(u.email) = :email", UserEntity.class)
                        .setParameter("email", email.value())
                        .getResultStream()
                        .findFirst()
                        .map(UserMapper::toDomain));
    }

    @Override
    public void update(User user) {
        transactions.run(em -> em.createQuery("""
                        update UserEntity u
                        set u.role = :role, u.active = :active, u.passwordHash = :passwordHash,
                            u.emailVerified = :emailVerified
                        where u.id = :id""")
                .setParameter("emailVerified", user.isEmailVerified())
                .setParameter("role", user.role().name())
                .setParameter("active", user.active())
                .setParameter("passwordHash", user.passwordHash().value())
                .setParameter("id", user.id().value())
                .executeUpdate());
    }

    /**
     * A taken address is usually seen by the guard; one taken by a transaction still in flight is only seen by the
     * unique index, which fails the statement. Plain JDBC under a savepoint on the transaction's connection, so that
     * failure is undone alone and answered false, and the use case's transaction goes on (through JPA it would be
     * marked for rollback).
     */
    @Override
    public boolean updateEmailIfFree(User user) {
        return transactions.call(em -> em.unwrap(Session.class).doReturningWork(connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try (PreparedStatement update = connection.prepareStatement("""
                    update users set email = ?, email_verified = ?
                    where id = ?
                      and not exists (select 1 from users other where lower(other.email) = ? and other.id <> ?)""")) {
                update.setString(1, user.email().value());
                update.setBoolean(2, user.isEmailVerified());
                update.setObject(3, user.id().value());
                update.setString(4, user.email().value());
                update.setObject(5, user.id().value());
                int updated = update.executeUpdate();
                connection.releaseSavepoint(savepoint);
                return updated == 1;
            } catch (SQLException e) {
                if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(savepoint);
                return false;
            }
        }));
    }

    @Override
    public void updateErased(User erased) {
        transactions.run(em -> em.createQuery("""
                        update UserEntity u
                        set u.email = :email, u.role = :role, u.active = :active, u.passwordHash = :passwordHash,
                            u.emailVerified = :emailVerified
                        where u.id = :id""")
                .setParameter("email", erased.email().value())
                .setParameter("role", erased.role().name())
                .setParameter("active", erased.active())
                .setParameter("passwordHash", erased.passwordHash().value())
                .setParameter("emailVerified", erased.isEmailVerified())
                .setParameter("id", erased.id().value())
                .executeUpdate());
    }

    @Override
    public Page<User> findAll(PageRequest page) {
        return transactions.call(em -> {
            List<User> users = Paging.page(
                            em.createQuery("select u from UserEntity u order by u.createdAt, u.id", UserEntity.class),
                            page)
                    .stream()
                    .map(UserMapper::toDomain)
                    .toList();
            long total = Paging.total(
                    users.size(),
                    page,
                    () -> em.createQuery("select count(u) from UserEntity u", Long.class)
                            .getSingleResult());
            return Page.of(users, page, total);
        });
    }

    @Override
    public List<UserId> lockActiveAdmins() {
        return transactions.call(em -> em.createQuery(
                        "select u from UserEntity u where u.role = :role and u.active = true order by u.id",
                        UserEntity.class)
                .setParameter("role", Role.ADMIN.name())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .map(row -> UserId.of(row.id))
                .toList());
    }
}
