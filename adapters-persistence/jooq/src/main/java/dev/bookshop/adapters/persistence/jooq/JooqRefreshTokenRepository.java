package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.REFRESH_TOKENS;

import dev.bookshop.application.account.port.out.RefreshTokenRepository;
import dev.bookshop.domain.auth.RefreshToken;
import dev.bookshop.domain.auth.RefreshTokenId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** Refresh tokens in {@code refresh_tokens}, found by their hash. */
final class JooqRefreshTokenRepository implements RefreshTokenRepository {

    private final DSLContext dsl;

    JooqRefreshTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(RefreshToken token) {
        dsl.insertInto(REFRESH_TOKENS).set(RefreshTokenMapper.toRecord(token)).execute();
    }

    @Override
    public Optional<RefreshToken> findByHash(TokenHash hash) {
        return dsl.selectFrom(REFRESH_TOKENS)
                .where(REFRESH_TOKENS.TOKEN_HASH.eq(hash.hex()))
                .fetchOptional()
                .map(RefreshTokenMapper::toDomain);
    }

    @Override
    public Optional<RefreshToken> findByHashForUpdate(TokenHash hash) {
        return dsl.selectFrom(REFRESH_TOKENS)
                .where(REFRESH_TOKENS.TOKEN_HASH.eq(hash.hex()))
                .forUpdate()
                .fetchOptional()
                .map(RefreshTokenMapper::toDomain);
    }

    @Override
    public void markRotated(RefreshTokenId id, Instant at) {
        dsl.update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.REVOKED, true)
                .set(REFRESH_TOKENS.ROTATED_AT, at)
                .where(REFRESH_TOKENS.ID.eq(id.value()).and(REFRESH_TOKENS.REVOKED.isFalse()))
                .execute();
    }

    @Override
    public void revoke(RefreshTokenId id) {
        dsl.update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.REVOKED, true)
                .setNull(REFRESH_TOKENS.ROTATED_AT)
                .where(REFRESH_TOKENS.ID.eq(id.value()))
                .execute();
    }

    @Override
    public int revokeAllOfUser(UserId userId) {
        dsl.update(REFRESH_TOKENS)
                .setNull(REFRESH_TOKENS.ROTATED_AT)
                .where(REFRESH_TOKENS.USER_ID.eq(userId.value()).and(REFRESH_TOKENS.ROTATED_AT.isNotNull()))
                .execute();
        return dsl.update(REFRESH_TOKENS)
                .set(REFRESH_TOKENS.REVOKED, true)
                .where(REFRESH_TOKENS.USER_ID.eq(userId.value()).and(REFRESH_TOKENS.REVOKED.isFalse()))
                .execute();
    }

    /**
     * Candidates are locked {@code FOR UPDATE SKIP LOCKED}: two instances purging at once take different rows, and a
     * token a refresh holds is left for the next round instead of waited for. A dead family cannot come back to life
     * (a refresh needs a token that is alive, in a session that has not ended), so the check stays true until the
     * delete commits.
     */
    @Override
    public int deleteDeadFamilies(Instant now, Instant sessionsStartedBy, int limit) {
        var family = REFRESH_TOKENS.as("family");
        var dead = dsl.select(REFRESH_TOKENS.ID)
                .from(REFRESH_TOKENS)
                .where(REFRESH_TOKENS
                        .EXPIRES_AT
                        .le(now)
                        .andNotExists(dsl.selectOne()
                                .from(family)
                                .where(family.FAMILY_ID.eq(REFRESH_TOKENS.FAMILY_ID))
                                .and(family.EXPIRES_AT.gt(now))))
                .or(REFRESH_TOKENS.SESSION_STARTED_AT.le(sessionsStartedBy))
                .limit(limit)
                .forUpdate()
                .of(REFRESH_TOKENS)
                .skipLocked();
        return dsl.deleteFrom(REFRESH_TOKENS).where(REFRESH_TOKENS.ID.in(dead)).execute();
    }
}
