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
}
