package dev.bookshop.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserSessionTest {

    private static final UserId ANN = UserId.of(UUID.randomUUID());
    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final Duration TTL = Duration.ofDays(30);
    private static final Duration MAX_AGE = Duration.ofDays(90);

    private static RefreshToken login(Instant at, String userAgent) {
        return RefreshToken.issue(
                RefreshTokenId.of(UUID.randomUUID()),
                ANN,
                TokenFamilyId.of(UUID.randomUUID()),
                TokenHash.of(UUID.randomUUID().toString()),
                at,
                TTL,
                MAX_AGE,
                userAgent);
    }

    private static RefreshToken refreshed(RefreshToken token, Instant at) {
        return token.successor(
                RefreshTokenId.of(UUID.randomUUID()),
                TokenHash.of(UUID.randomUUID().toString()),
                at,
                TTL,
                MAX_AGE);
    }

    @Test
    void oneSessionPerLiveFamilyWithItsLoginLastUseAndClient() {
        RefreshToken phone = login(NOW, "Phone");
        Instant later = NOW.plus(Duration.ofDays(2));
        RefreshToken phoneNext = refreshed(phone, later);
        RefreshToken laptop = login(NOW.plusSeconds(60), "Laptop");

        List<UserSession> sessions = UserSession.alive(List.of(phone.rotate(later), phoneNext, laptop), later, MAX_AGE);

        assertThat(sessions)
                .containsExactly(
                        new UserSession(phone.familyId(), NOW, later, "Phone"),
                        new UserSession(laptop.familyId(), NOW.plusSeconds(60), NOW.plusSeconds(60), "Laptop"));
    }

    @Test
    void revokedExpiredAndAgedOutFamiliesAreGone() {
        RefreshToken loggedOut = login(NOW, "a").revoke();
        RefreshToken expired = login(NOW.minus(TTL).minusSeconds(1), "b");
        RefreshToken old = login(NOW.minus(MAX_AGE).plusSeconds(10), "c");
        RefreshToken oldNext = refreshed(old, NOW.minusSeconds(5));

        assertThat(UserSession.alive(
                        List.of(loggedOut, expired, old.rotate(NOW), oldNext), NOW.plusSeconds(10), MAX_AGE))
                .isEmpty();
    }

    @Test
    void theClientsHeaderIsCleanedAndCut() {
        assertThat(RefreshToken.cleanUserAgent(null)).isNull();
        assertThat(RefreshToken.cleanUserAgent("   ")).isNull();
        assertThat(RefreshToken.cleanUserAgent(" Bruno\n1.0\u0000 ")).isEqualTo("Bruno 1.0");
        assertThat(RefreshToken.cleanUserAgent("x".repeat(1000))).hasSize(RefreshToken.USER_AGENT_MAX);
        assertThat(login(NOW, "y".repeat(300)).userAgent()).hasSize(RefreshToken.USER_AGENT_MAX);
        assertThat(refreshed(login(NOW, "Phone"), NOW.plusSeconds(1)).userAgent())
                .isEqualTo("Phone");
    }
}
