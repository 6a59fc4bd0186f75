package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.account.port.out.UserRepository;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;

/** Accounts in {@code users}; the unique index on {@code lower(email)} settles signup races. */
final class JpaUserRepository implements UserRepository {

    private final JpaTransactionRunner transactions;

    JpaUserRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public boolean insertIfEmailFree(User user) {
        UserEntity row = UserMapper.toEntity(user);
        // ON CONFLICT rather than persist(): a taken email must answer false, not abort the use case's transaction.
        return transactions.call(em -> em.createQuery("""
                                insert into UserEntity (id, email, passwordHash, role, active, createdAt)
                                values (:id, :email, :passwordHash, :role, :active, :createdAt)
                                on conflict do nothing""")
                        .setParameter("id", row.id)
                        .setParameter("email", row.email)
                        .setParameter("passwordHash", row.passwordHash)
                        .setParameter("role", row.role)
                        .setParameter("active", row.active)
                        .setParameter("createdAt", row.createdAt)
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
                        set u.role = :role, u.active = :active, u.passwordHash = :passwordHash
                        where u.id = :id""")
                .setParameter("role", user.role().name())
                .setParameter("active", user.active())
                .setParameter("passwordHash", user.passwordHash().value())
                .setParameter("id", user.id().value())
                .executeUpdate());
    }

    @Override
    public void updateErased(User erased) {
        transactions.run(em -> em.createQuery("""
                        update UserEntity u
                        set u.email = :email, u.role = :role, u.active = :active, u.passwordHash = :passwordHash
                        where u.id = :id""")
                .setParameter("email", erased.email().value())
                .setParameter("role", erased.role().name())
                .setParameter("active", erased.active())
                .setParameter("passwordHash", erased.passwordHash().value())
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
