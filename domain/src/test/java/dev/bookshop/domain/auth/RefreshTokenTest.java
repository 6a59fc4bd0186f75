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
    private static final Duration MAX_AGE = Duration.ofDays(90);

    private final RefreshToken first = RefreshToken.issue(
            RefreshTokenId.of(UUID.randomUUID()), ANN, FAMILY, TokenHash.of("raw-1"), NOW, TTL, MAX_AGE);

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
    void theSuccessorStaysInTheSameFamilyAndSessionWithAFreshLifetime() {
        Instant later = NOW.plus(Duration.ofDays(10));
        RefreshTokenId nextId = RefreshTokenId.of(UUID.randomUUID());

        RefreshToken next = first.successor(nextId, TokenHash.of("raw-2"), later, TTL, MAX_AGE);

        assertThat(next.id()).isEqualTo(nextId);
        assertThat(next.familyId()).isEqualTo(FAMILY);
        assertThat(next.userId()).isEqualTo(ANN);
        assertThat(next.hash()).isEqualTo(TokenHash.of("raw-2"));
        assertThat(next.createdAt()).isEqualTo(later);
        assertThat(next.expiresAt()).isEqualTo(later.plus(TTL));
        assertThat(next.revoked()).isFalse();
        assertThat(next.sessionStartedAt())
                .as("the session keeps its login time")
                .isEqualTo(NOW);
        assertThat(next.rotatedAt()).isNull();
    }

    @Test
    void aNewTokenStartsItsSession() {
        assertThat(first.sessionStartedAt()).isEqualTo(NOW);
        assertThat(first.sessionEndsAt(MAX_AGE)).isEqualTo(NOW.plus(MAX_AGE));
        assertThat(first.rotatedAt()).isNull();
    }

    @Test
    void aLoginNeverOutlivesTheSessionMaxAgeEvenWithALongerTtl() {
        RefreshToken token = RefreshToken.issue(
                RefreshTokenId.of(UUID.randomUUID()), ANN, FAMILY, TokenHash.of("raw"), NOW, TTL, Duration.ofDays(7));

        assertThat(token.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
    }

    @Test
    void aSuccessorNeverOutlivesTheSession() {
        Instant late = NOW.plus(Duration.ofDays(80));

        RefreshToken next =
                first.successor(RefreshTokenId.of(UUID.randomUUID()), TokenHash.of("raw-2"), late, TTL, MAX_AGE);

        assertThat(next.expiresAt()).as("login + max age, not now + ttl").isEqualTo(NOW.plus(MAX_AGE));
        assertThat(next.sessionStartedAt()).isEqualTo(NOW);
    }

    @Test
    void successorsOfSuccessorsKeepTheLoginTime() {
        RefreshToken token = first;
        for (int day = 1; day <= 89; day++) {
            token = token.successor(
                    RefreshTokenId.of(UUID.randomUUID()),
                    TokenHash.of("raw-" + day),
                    NOW.plus(Duration.ofDays(day)),
                    TTL,
                    MAX_AGE);
        }

        assertThat(token.sessionStartedAt()).isEqualTo(NOW);
        assertThat(token.expiresAt()).isEqualTo(NOW.plus(MAX_AGE));
        assertThat(token.isExpired(NOW.plus(MAX_AGE))).isTrue();
    }

    @Test
    void anEndedSessionHasNoSuccessor() {
        Instant end = NOW.plus(MAX_AGE);
        RefreshTokenId id = RefreshTokenId.of(UUID.randomUUID());
        TokenHash hash = TokenHash.of("raw-2");

        assertThat(first.sessionEnded(end.minusNanos(1), MAX_AGE)).isFalse();
        assertThat(first.sessionEnded(end, MAX_AGE)).isTrue();
        assertThatThrownBy(() -> first.successor(id, hash, end, TTL, MAX_AGE))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRotatedTokenIsRevokedAndRemembersWhen() {
        Instant at = NOW.plusSeconds(60);

        RefreshToken rotated = first.rotate(at);

        assertThat(rotated.revoked()).isTrue();
        assertThat(rotated.rotatedAt()).isEqualTo(at);
        assertThatThrownBy(() -> rotated.rotate(at)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRotatedTokenIsForgivenOnlyWithinTheGrace() {
        Instant at = NOW.plusSeconds(60);
        Duration grace = Duration.ofSeconds(10);
        RefreshToken rotated = first.rotate(at);

        assertThat(rotated.isWithinReuseGrace(at, grace)).isTrue();
        assertThat(rotated.isWithinReuseGrace(at.plus(grace).minusNanos(1), grace))
                .isTrue();
        assertThat(rotated.isWithinReuseGrace(at.plus(grace), grace)).isFalse();
        assertThat(rotated.isWithinReuseGrace(at, Duration.ZERO))
                .as("a zero grace is off")
                .isFalse();
        assertThat(first.isWithinReuseGrace(at, grace))
                .as("a live token is not reused")
                .isFalse();
    }

    @Test
    void revokingForgetsTheRotationSoNoGraceApplies() {
        Instant at = NOW.plusSeconds(60);
        RefreshToken revoked = first.rotate(at).revoke();

        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.rotatedAt()).isNull();
        assertThat(revoked.isWithinReuseGrace(at, Duration.ofSeconds(10))).isFalse();
        assertThat(first.revoke().isWithinReuseGrace(NOW, Duration.ofSeconds(10)))
                .isFalse();
    }

    @Test
    void onlyARevokedTokenMayCarryARotationAndNoTokenPredatesItsSession() {
        assertThatThrownBy(() -> new RefreshToken(
                        first.id(), ANN, FAMILY, first.hash(), first.expiresAt(), false, NOW, NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshToken(
                        first.id(), ANN, FAMILY, first.hash(), first.expiresAt(), false, NOW, NOW.plusSeconds(1), null))
                .isInstanceOf(IllegalArgumentException.class);
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

        assertThatThrownBy(() -> RefreshToken.issue(id, ANN, FAMILY, hash, NOW, Duration.ZERO, MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RefreshToken.issue(id, ANN, FAMILY, hash, NOW, Duration.ofSeconds(-1), MAX_AGE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
