package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.account.port.out.AccountTokenRepository;
import dev.bookshop.domain.auth.AccountToken;
import dev.bookshop.domain.auth.AccountTokenId;
import dev.bookshop.domain.auth.AccountTokenKind;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Password-reset and address tokens in {@code account_tokens}, found by their hash. */
final class JpaAccountTokenRepository implements AccountTokenRepository {

    private final JpaTransactionRunner transactions;

    JpaAccountTokenRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(AccountToken token) {
        transactions.run(em -> em.persist(toEntity(token)));
    }

    @Override
    public Optional<AccountToken> findByHash(TokenHash hash) {
        return transactions.call(em -> em.createQuery(
                        "select t from AccountTokenEntity t where t.tokenHash = :hash", AccountTokenEntity.class)
                .setParameter("hash", hash.hex())
                .getResultStream()
                .findFirst()
                .map(JpaAccountTokenRepository::toDomain));
    }

    /** One conditional update: of two transactions using the token, the second waits for the first, then matches nothing. */
    @Override
    public boolean markUsed(AccountTokenId id, Instant at) {
        return transactions.call(em -> em.createQuery("""
                                update AccountTokenEntity t set t.usedAt = :at
                                where t.id = :id and t.usedAt is null and t.expiresAt > :at""")
                        .setParameter("id", id.value())
                        .setParameter("at", at)
                        .executeUpdate()
                == 1);
    }

    @Override
    public int voidAllOfUser(UserId userId, Instant at) {
        return transactions.call(em -> em.createQuery("""
                        update AccountTokenEntity t set t.usedAt = :at
                        where t.userId = :userId and t.usedAt is null""")
                .setParameter("userId", userId.value())
                .setParameter("at", at)
                .executeUpdate());
    }

    /**
     * Native SQL: JPQL has neither {@code LIMIT} in a subquery nor {@code SKIP LOCKED} in a delete. Candidates are
     * locked {@code FOR UPDATE SKIP LOCKED}, so concurrent purges take different rows and never wait.
     */
    @Override
    public int deleteUsedOrExpiredBefore(Instant before, int limit) {
        return transactions.call(em -> em.createNativeQuery("""
                        delete from account_tokens where id in (
                            select t.id from account_tokens t
                            where t.expires_at <= :before or t.used_at <= :before
                            limit :limit
                            for update skip locked)""")
                .setParameter("before", before)
                .setParameter("limit", limit)
                .executeUpdate());
    }

    private static AccountToken toDomain(AccountTokenEntity row) {
        return new AccountToken(
                new AccountTokenId(row.id),
                UserId.of(row.userId),
                AccountTokenKind.valueOf(row.kind),
                new TokenHash(row.tokenHash),
                row.newEmail == null ? null : Email.of(row.newEmail),
                row.expiresAt,
                row.usedAt,
                row.createdAt);
    }

    private static AccountTokenEntity toEntity(AccountToken token) {
        AccountTokenEntity row = new AccountTokenEntity();
        row.id = token.id().value();
        row.userId = token.userId().value();
        row.kind = token.kind().name();
        row.tokenHash = token.hash().hex();
        row.newEmail = token.newEmail() == null ? null : token.newEmail().value();
        row.expiresAt = token.expiresAt();
        row.usedAt = token.usedAt();
        row.createdAt = token.createdAt();
        return row;
    }
}
