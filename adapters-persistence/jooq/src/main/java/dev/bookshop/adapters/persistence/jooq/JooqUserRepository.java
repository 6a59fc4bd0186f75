package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.USERS;

import dev.bookshop.application.account.port.out.UserRepository;
import dev.bookshop.application.shared.query.Page;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import java.sql.Savepoint;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Accounts in {@code users}; the unique index on {@code lower(email)} settles signup races. */
final class JooqUserRepository implements UserRepository {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DSLContext dsl;

    /** Every state-changing request reads the caller's account first. */
    private final Prepared byId;

    JooqUserRepository(DSLContext dsl) {
        this.dsl = dsl;
        this.byId = Prepared.of(dsl, dsl.selectFrom(USERS).where(USERS.ID.eq(DSL.param("id", UUID.class))));
    }

    @Override
    public boolean insertIfEmailFree(User user) {
        return dsl.insertInto(USERS)
                        .set(UserMapper.toRecord(user))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    @Override
    public Optional<User> findById(UserId id) {
        return byId.with(dsl, id.value()).fetchOptional().map(row -> UserMapper.toDomain(row.into(USERS)));
    }

    @Override
    public Optional<User> findByIdForUpdate(UserId id) {
        return dsl.selectFrom(USERS)
                .where(USERS.ID.eq(id.value()))
                .forUpdate()
                .fetchOptional()
                .map(UserMapper::toDomain);
    }

    @Override
    public Optional<User> findByEmail(Email email) {
        // Written as lower(email) so the lookup uses the unique index.
        return dsl.selectFrom(USERS)
                .where(DSL.lower(USERS.EMAIL).eq(email.value()))
                .fetchOptional()
                .map(UserMapper::toDomain);
    }

    @Override
    public void update(User user) {
        dsl.update(USERS)
                .set(USERS.ROLE, user.role().name())
                .set(USERS.ACTIVE, user.active())
                .set(USERS.PASSWORD_HASH, user.passwordHash().value())
                .set(USERS.EMAIL_VERIFIED, user.isEmailVerified())
                .where(USERS.ID.eq(user.id().value()))
                .execute();
    }

    /**
     * A taken address is usually seen by the guard; one taken by a transaction still in flight is only seen by the
     * unique index, which fails the statement. The statement runs under a savepoint, so that failure is undone alone
     * and answered false, and the use case's transaction goes on.
     */
    @Override
    public boolean updateEmailIfFree(User user) {
        var other = USERS.as("other");
        return dsl.connectionResult(connection -> {
            Savepoint savepoint = connection.setSavepoint();
            try {
                int updated = dsl.update(USERS)
                        .set(USERS.EMAIL, user.email().value())
                        .set(USERS.EMAIL_VERIFIED, user.isEmailVerified())
                        .where(USERS.ID.eq(user.id().value()))
                        .andNotExists(dsl.selectOne()
                                .from(other)
                                .where(DSL.lower(other.EMAIL).eq(user.email().value()))
                                .and(other.ID.ne(user.id().value())))
                        .execute();
                connection.releaseSavepoint(savepoint);
                return updated == 1;
            } catch (DataAccessException e) {
                if (!UNIQUE_VIOLATION.equals(e.sqlState())) {
                    throw e;
                }
                connection.rollback(savepoint);
                return false;
            }
        });
    }

    @Override
    public void updateErased(User erased) {
        dsl.update(USERS)
                .set(USERS.EMAIL, erased.email().value())
                .set(USERS.ROLE, erased.role().name())
                .set(USERS.ACTIVE, erased.active())
                .set(USERS.PASSWORD_HASH, erased.passwordHash().value())
                .set(USERS.EMAIL_VERIFIED, erased.isEmailVerified())
                .where(USERS.ID.eq(erased.id().value()))
                .execute();
    }

    @Override
    public Page<User> findAll(PageRequest page) {
        Result<Record> rows = dsl.select(USERS.asterisk(), Paging.TOTAL)
                .from(USERS)
                .orderBy(USERS.CREATED_AT, USERS.ID)
                .limit(page.size())
                .offset(page.offset())
                .fetch();
        List<User> users =
                rows.stream().map(r -> UserMapper.toDomain(r.into(USERS))).toList();
        return Paging.page(users, page, Paging.total(rows, page, () -> dsl.fetchCount(USERS)));
    }

    @Override
    public List<UserId> lockActiveAdmins() {
        return dsl.select(USERS.ID)
                .from(USERS)
                .where(USERS.ROLE.eq(Role.ADMIN.name()).and(USERS.ACTIVE))
                .orderBy(USERS.ID)
                .forUpdate()
                .fetch(r -> UserId.of(r.value1()));
    }
}
