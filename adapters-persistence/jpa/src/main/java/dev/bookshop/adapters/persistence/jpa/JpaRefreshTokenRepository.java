package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.account.port.out.RefreshTokenRepository;
import dev.bookshop.domain.auth.RefreshToken;
import dev.bookshop.domain.auth.RefreshTokenId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.UserId;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;

/** Refresh tokens in {@code refresh_tokens}, found by their hash. */
final class JpaRefreshTokenRepository implements RefreshTokenRepository {

    private final JpaTransactionRunner transactions;

    JpaRefreshTokenRepository(JpaTransactionRunner transactions) {
        this.transactions = transactions;
    }

    @Override
    public void insert(RefreshToken token) {
        transactions.run(em -> em.persist(RefreshTokenMapper.toEntity(token)));
    }

    @Override
    public Optional<RefreshToken> findByHash(TokenHash hash) {
        return transactions.call(em -> em.createQuery(
                        "select t from RefreshTokenEntity t where t.tokenHash = :hash", RefreshTokenEntity.class)
                .setParameter("hash", hash.hex())
                .getResultStream()
                .findFirst()
                .map(RefreshTokenMapper::toDomain));
    }

    @Override
    public Optional<RefreshToken> findByHashForUpdate(TokenHash hash) {
        return transactions.call(em -> em.createQuery(
                        "select t from RefreshTokenEntity t where t.tokenHash = :hash", RefreshTokenEntity.class)
                .setParameter("hash", hash.hex())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst()
                .map(RefreshTokenMapper::toDomain));
    }

    @Override
    public void markRotated(RefreshTokenId id, Instant at) {
        transactions.run(em -> em.createQuery("""
                        update RefreshTokenEntity t set t.revoked = true, t.rotatedAt = :at
                        where t.id = :id and t.revoked = false""")
                .setParameter("id", id.value())
                .setParameter("at", at)
                .executeUpdate());
    }

    @Override
    public void revoke(RefreshTokenId id) {
        transactions.run(em -> em.createQuery(
                        "update RefreshTokenEntity t set t.revoked = true, t.rotatedAt = null where t.id = :id")
                .setParameter("id", id.value())
                .executeUpdate());
    }

    @Override
    public int revokeAllOfUser(UserId userId) {
        return transactions.call(em -> {
            em.createQuery("""
                            update RefreshTokenEntity t set t.rotatedAt = null
                            where t.userId = :userId and t.rotatedAt is not null""").setParameter("userId", userId.value()).executeUpdate();
            return em.createQuery("""
                        update RefreshTokenEntity t set t.revoked = true
                        where t.userId = :userId and t.revoked = false""").setParameter("userId", userId.value()).executeUpdate();
        });
    }
    /**
     * Native SQL: JPQL has neither {@code LIMIT} in a subquery nor {@code SKIP LOCKED} in a delete. Candidates are
     * locked {@code FOR UPDATE SKIP LOCKED}, so concurrent purges take different rows and never wait on each other
     * or on a request holding a row.
     * A dead family cannot come back to life (a refresh needs a token that is alive, in a session that has not
     * ended), so the check stays true until the delete commits.
     */
    @Override
    public int deleteDeadFamilies(Instant now, Instant sessionsStartedBy, int limit) {
        return transactions.call(em -> em.createNativeQuery("""
                        delete from refresh_tokens where id in (
                            select t.id from refresh_tokens t
                            where (t.expires_at <= :now
                                   and not exists (select 1 from refresh_tokens f
                                                   where f.family_id = t.family_id and f.expires_at > :now))
                               or t.session_started_at <= :sessionsStartedBy
                            limit :limit
                            for update of t skip locked)""")
                .setParameter("now", now)
                .setParameter("sessionsStartedBy", sessionsStartedBy)
                .setParameter("limit", limit)
                .executeUpdate());
    }
}
