package dev.bookshop.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RefreshTokenTest {

    private static final UserId ANN = UserId.of(UUID.randomUUID());
    private static final TokenFamilyId FAMILY = TokenFamilyId.of(UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final Duration TTL = Duration.ofDays(30);

    private final RefreshToken first =
            RefreshToken.issue(RefreshTokenId.of(UUID.randomUUID()), ANN, FAMILY, TokenHash.of("raw-1"), NOW, TTL);

    @Test
    void aNewTokenIsUsableUntilItExpires() {
        assertThat(first.revoked()).isFalse();
        assertThat(first.createdAt()).isEqualTo(NOW);
        assertThat(first.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(first.isExpired(NOW)).isFalse();
    }

    @Test
    void expiresExactlyAtItsExpiryInstant() {
        Instant expiry = NOW.plus(TTL);

        assertThat(first.isExpired(expiry.minusNanos(1))).isFalse();
        assertThat(first.isExpired(expiry)).isTrue();
        assertThat(first.isExpired(expiry.plusSeconds(1))).isTrue();
    }

    @Test
    void theSuccessorStaysInTheSameFamilyWithAFreshLifetime() {
        Instant later = NOW.plus(Duration.ofDays(10));
        RefreshTokenId nextId = RefreshTokenId.of(UUID.randomUUID());

        RefreshToken next = first.successor(nextId, TokenHash.of("raw-2"), later, TTL);

        assertThat(next.id()).isEqualTo(nextId);
        assertThat(next.familyId()).isEqualTo(FAMILY);
        assertThat(next.userId()).isEqualTo(ANN);
        assertThat(next.hash()).isEqualTo(TokenHash.of("raw-2"));
        assertThat(next.createdAt()).isEqualTo(later);
        assertThat(next.expiresAt()).isEqualTo(later.plus(TTL));
        assertThat(next.revoked()).isFalse();
    }

    @Test
    void aRevokedTokenIsNeverUsableAgain() {
        RefreshToken revoked = first.revoke();

        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.isExpired(NOW)).isFalse();
        assertThat(revoked.id()).isEqualTo(first.id());
        assertThat(revoked.expiresAt()).isEqualTo(first.expiresAt());
        assertThat(first.revoked()).as("the original is unchanged").isFalse();
    }

    @Test
    void aTokenMustExpireAfterItIsCreated() {
        RefreshTokenId id = RefreshTokenId.of(UUID.randomUUID());
        TokenHash hash = TokenHash.of("raw");

        assertThatThrownBy(() -> RefreshToken.issue(id, ANN, FAMILY, hash, NOW, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RefreshToken.issue(id, ANN, FAMILY, hash, NOW, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
