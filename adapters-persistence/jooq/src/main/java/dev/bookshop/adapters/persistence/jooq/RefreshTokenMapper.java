package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.adapters.persistence.jooq.generated.tables.records.RefreshTokensRecord;
import dev.bookshop.domain.auth.RefreshToken;
import dev.bookshop.domain.auth.RefreshTokenId;
import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.UserId;

/** Maps a {@code refresh_tokens} row to a {@link RefreshToken} and back. */
final class RefreshTokenMapper {

    private RefreshTokenMapper() {}

    static RefreshToken toDomain(RefreshTokensRecord row) {
        return new RefreshToken(
                RefreshTokenId.of(row.getId()),
                UserId.of(row.getUserId()),
                TokenFamilyId.of(row.getFamilyId()),
                new TokenHash(row.getTokenHash()),
                row.getExpiresAt(),
                row.getRevoked(),
                row.getCreatedAt(),
                row.getSessionStartedAt(),
                row.getRotatedAt(),
                row.getUserAgent());
    }

    static RefreshTokensRecord toRecord(RefreshToken token) {
        return new RefreshTokensRecord(
                token.id().value(),
                token.userId().value(),
                token.familyId().value(),
                token.hash().hex(),
                token.expiresAt(),
                token.revoked(),
                token.createdAt(),
                token.sessionStartedAt(),
                token.rotatedAt(),
                token.userAgent());
    }
}
