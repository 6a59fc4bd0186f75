package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.generated.Tables.ACCOUNT_TOKENS;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.AccountTokensRecord;
import dev.bookshop.application.account.port.out.AccountTokenRepository;
import dev.bookshop.domain.auth.AccountToken;
import dev.bookshop.domain.auth.AccountTokenId;
import dev.bookshop.domain.auth.AccountTokenKind;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** Password-reset and address tokens in {@code account_tokens}, found by their hash. */
final class JooqAccountTokenRepository implements AccountTokenRepository {

    private final DSLContext dsl;

    JooqAccountTokenRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(AccountToken token) {
        dsl.insertInto(ACCOUNT_TOKENS).set(toRecord(token)).execute();
    }

    @Override
    public Optional<AccountToken> findByHash(TokenHash hash) {
        return dsl.selectFrom(ACCOUNT_TOKENS)
                .where(ACCOUNT_TOKENS.TOKEN_HASH.eq(hash.hex()))
                .fetchOptional()
                .map(JooqAccountTokenRepository::toDomain);
    }

    /** One conditional update: of two transactions using the token, the second waits for the first, then matches nothing. */
    @Override
    public boolean markUsed(AccountTokenId id, Instant at) {
        return dsl.update(ACCOUNT_TOKENS)
                        .set(ACCOUNT_TOKENS.USED_AT, at)
                        .where(ACCOUNT_TOKENS.ID.eq(id.value()))
                        .and(ACCOUNT_TOKENS.USED_AT.isNull())
                        .and(ACCOUNT_TOKENS.EXPIRES_AT.gt(at))
                        .execute()
                == 1;
    }

    @Override
    public int voidAllOfUser(UserId userId, Instant at) {
        return dsl.update(ACCOUNT_TOKENS)
                .set(ACCOUNT_TOKENS.USED_AT, at)
                .where(ACCOUNT_TOKENS.USER_ID.eq(userId.value()))
                .and(ACCOUNT_TOKENS.USED_AT.isNull())
                .execute();
    }

    /** Candidates are locked {@code FOR UPDATE SKIP LOCKED}: concurrent purges take different rows and never wait. */
    @Override
    public int deleteUsedOrExpiredBefore(Instant before, int limit) {
        var due = dsl.select(ACCOUNT_TOKENS.ID)
                .from(ACCOUNT_TOKENS)
                .where(ACCOUNT_TOKENS.EXPIRES_AT.le(before))
                .or(ACCOUNT_TOKENS.USED_AT.le(before))
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return dsl.deleteFrom(ACCOUNT_TOKENS).where(ACCOUNT_TOKENS.ID.in(due)).execute();
    }

    private static AccountToken toDomain(AccountTokensRecord row) {
        return new AccountToken(
                new AccountTokenId(row.getId()),
                UserId.of(row.getUserId()),
                AccountTokenKind.valueOf(row.getKind()),
                new TokenHash(row.getTokenHash()),
                row.getNewEmail() == null ? null : Email.of(row.getNewEmail()),
                row.getExpiresAt(),
                row.getUsedAt(),
                row.getCreatedAt());
    }

    private static AccountTokensRecord toRecord(AccountToken token) {
        AccountTokensRecord row = new AccountTokensRecord();
        row.setId(token.id().value());
        row.setUserId(token.userId().value());
        row.setKind(token.kind().name());
        row.setTokenHash(token.hash().hex());
        row.setNewEmail(token.newEmail() == null ? null : token.newEmail().value());
        row.setExpiresAt(token.expiresAt());
        row.setUsedAt(token.usedAt());
        row.setCreatedAt(token.createdAt());
        return row;
    }
}
