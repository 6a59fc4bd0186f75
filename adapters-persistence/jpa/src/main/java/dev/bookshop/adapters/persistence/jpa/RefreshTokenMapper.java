package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.domain.auth.RefreshToken;
import dev.bookshop.domain.auth.RefreshTokenId;
import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.UserId;

/** Maps a {@link RefreshTokenEntity} to a {@link RefreshToken} and back. */
final class RefreshTokenMapper {

    private RefreshTokenMapper() {}

    static RefreshToken toDomain(RefreshTokenEntity row) {
        return new RefreshToken(
                RefreshTokenId.of(row.id),
                UserId.of(row.userId),
                TokenFamilyId.of(row.familyId),
                new TokenHash(row.tokenHash),
                row.expiresAt,
                row.revoked,
                row.createdAt,
                row.sessionStartedAt,
                row.rotatedAt,
                row.userAgent);
    }

    static RefreshTokenEntity toEntity(RefreshToken token) {
        RefreshTokenEntity row = new RefreshTokenEntity();
        row.id = token.id().value();
        row.userId = token.userId().value();
        row.familyId = token.familyId().value();
        row.tokenHash = token.hash().hex();
        row.expiresAt = token.expiresAt();
        row.revoked = token.revoked();
        row.createdAt = token.createdAt();
        row.sessionStartedAt = token.sessionStartedAt();
        row.rotatedAt = token.rotatedAt();
        row.userAgent = token.userAgent();
        return row;
    }
}
