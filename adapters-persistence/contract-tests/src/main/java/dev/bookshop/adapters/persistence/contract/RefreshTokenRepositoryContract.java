package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.auth.RefreshToken;
import dev.bookshop.domain.auth.RefreshTokenId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every adapter's {@code RefreshTokenRepository} must do. */
public abstract class RefreshTokenRepositoryContract extends PersistenceContract {

    @Test
    void roundTripsEveryFieldByHash() {
        User user = givenUser();
        RefreshToken token = TestData.refreshToken(user.id());

        inTx(() -> ports.refreshTokens().insert(token));

        assertThat(inTx(() -> ports.refreshTokens().findByHashForUpdate(token.hash())))
                .contains(token);
    }

    @Test
    void roundTripsARevokedSuccessor() {
        User user = givenUser();
        RefreshToken first = TestData.refreshToken(user.id());
        RefreshToken successor = first.successor(
                        RefreshTokenId.of(UUID.randomUUID()),
                        TokenHash.of(UUID.randomUUID().toString()),
                        TestData.now().plusSeconds(5),
                        Duration.ofHours(2),
                        Duration.ofDays(90))
                .revoke();

        inTx(() -> {
            ports.refreshTokens().insert(first);
            ports.refreshTokens().insert(successor);
        });

        assertThat(inTx(() -> ports.refreshTokens().findByHashForUpdate(successor.hash())))
                .contains(successor);
    }

    @Test
    void roundTripsTheSessionStartAndTheRotationMark() {
        User user = givenUser();
        RefreshToken first = TestData.refreshToken(user.id());
        Instant later = first.createdAt().plus(Duration.ofDays(89));
        RefreshToken capped = first.successor(
                RefreshTokenId.of(UUID.randomUUID()),
                TokenHash.of(UUID.randomUUID().toString()),
                later,
                Duration.ofDays(30),
                Duration.ofDays(90));
        RefreshToken rotated = first.rotate(first.createdAt().plusSeconds(5));

        inTx(() -> {
            ports.refreshTokens().insert(rotated);
            ports.refreshTokens().insert(capped);
        });

        assertThat(inTx(() -> ports.refreshTokens().findByHashForUpdate(capped.hash())))
                .contains(capped)
                .get()
                .extracting(RefreshToken::sessionStartedAt)
                .isEqualTo(first.createdAt());
        assertThat(ports.refreshTokens().findByHash(rotated.hash())).contains(rotated);
    }

    @Test
    void markRotatedRevokesTheTokenAndRecordsWhen() {
        User user = givenUser();
        RefreshToken token = TestData.refreshToken(user.id());
        RefreshToken sibling = TestData.refreshToken(user.id());
        Instant at = TestData.now().plusSeconds(30);
        inTx(() -> {
            ports.refreshTokens().insert(token);
            ports.refreshTokens().insert(sibling);
        });

        inTx(() -> ports.refreshTokens().markRotated(token.id(), at));

        inTx(() -> {
            assertThat(ports.refreshTokens().findByHashForUpdate(token.hash())).contains(token.rotate(at));
            assertThat(ports.refreshTokens().findByHashForUpdate(sibling.hash()))
                    .contains(sibling);
        });
    }

    @Test
    void markRotatedLeavesAnAlreadyRevokedTokenAsItIs() {
        User user = givenUser();
        RefreshToken revoked = TestData.refreshToken(user.id()).revoke();
        RefreshToken rotated =
                TestData.refreshToken(user.id()).rotate(TestData.now().plusSeconds(1));
        inTx(() -> {
            ports.refreshTokens().insert(revoked);
            ports.refreshTokens().insert(rotated);
        });

        inTx(() -> {
            ports.refreshTokens().markRotated(revoked.id(), TestData.now().plusSeconds(30));
            ports.refreshTokens().markRotated(rotated.id(), TestData.now().plusSeconds(30));
        });

        assertThat(ports.refreshTokens().findByHash(revoked.hash())).contains(revoked);
        assertThat(ports.refreshTokens().findByHash(rotated.hash())).contains(rotated);
    }

    @Test
    void revokeClearsTheRotationMark() {
        User user = givenUser();
        RefreshToken rotated =
                TestData.refreshToken(user.id()).rotate(TestData.now().plusSeconds(1));
        inTx(() -> ports.refreshTokens().insert(rotated));

        inTx(() -> ports.refreshTokens().revoke(rotated.id()));

        assertThat(ports.refreshTokens().findByHash(rotated.hash())).contains(rotated.revoke());
        assertThat(ports.refreshTokens()
                        .findByHash(rotated.hash())
                        .orElseThrow()
                        .rotatedAt())
                .isNull();
    }

    @Test
    void revokeAllOfUserClearsTheRotationMarksOfTheUserOnly() {
        User user = givenUser();
        User other = givenUser();
        RefreshToken live = TestData.refreshToken(user.id());
        RefreshToken rotated =
                TestData.refreshToken(user.id()).rotate(TestData.now().plusSeconds(1));
        RefreshToken othersRotated =
                TestData.refreshToken(other.id()).rotate(TestData.now().plusSeconds(1));
        inTx(() -> {
            ports.refreshTokens().insert(live);
            ports.refreshTokens().insert(rotated);
            ports.refreshTokens().insert(othersRotated);
        });

        int revoked = inTx(() -> ports.refreshTokens().revokeAllOfUser(user.id()));

        assertThat(revoked).as("only the live token counts").isEqualTo(1);
        inTx(() -> {
            assertThat(ports.refreshTokens().findByHashForUpdate(live.hash())).contains(live.revoke());
            assertThat(ports.refreshTokens().findByHashForUpdate(rotated.hash()))
                    .contains(rotated.revoke());
            assertThat(ports.refreshTokens().findByHashForUpdate(othersRotated.hash()))
                    .contains(othersRotated);
        });
    }

    @Test
    void findsATokenByHashWithoutLockingIt() {
        User user = givenUser();
        RefreshToken token = TestData.refreshToken(user.id());
        inTx(() -> ports.refreshTokens().insert(token));

        assertThat(ports.refreshTokens().findByHash(token.hash())).contains(token);
        assertThat(ports.refreshTokens().findByHash(TokenHash.of(TestData.word())))
                .isEmpty();
    }

    @Test
    void findsNothingForAnUnknownHash() {
        User user = givenUser();
        inTx(() -> ports.refreshTokens().insert(TestData.refreshToken(user.id())));

        assertThat(inTx(() -> ports.refreshTokens().findByHashForUpdate(TokenHash.of(TestData.word()))))
                .isEmpty();
    }

    @Test
    void revokeMarksOnlyThatToken() {
        User user = givenUser();
        RefreshToken token = TestData.refreshToken(user.id());
        RefreshToken sibling = TestData.refreshToken(user.id());
        inTx(() -> {
            ports.refreshTokens().insert(token);
            ports.refreshTokens().insert(sibling);
        });

        inTx(() -> ports.refreshTokens().revoke(token.id()));

        inTx(() -> {
            assertThat(ports.refreshTokens().findByHashForUpdate(token.hash())).contains(token.revoke());
            assertThat(ports.refreshTokens().findByHashForUpdate(sibling.hash()))
                    .contains(sibling);
        });
    }

    @Test
    void revokeAllOfUserRevokesTheUsersLiveTokensAndCountsThem() {
        User user = givenUser();
        User other = givenUser();
        RefreshToken live = TestData.refreshToken(user.id());
        RefreshToken alsoLive = TestData.refreshToken(user.id());
        RefreshToken alreadyRevoked = TestData.refreshToken(user.id()).revoke();
        RefreshToken othersToken = TestData.refreshToken(other.id());
        inTx(() -> {
            ports.refreshTokens().insert(live);
            ports.refreshTokens().insert(alsoLive);
            ports.refreshTokens().insert(alreadyRevoked);
            ports.refreshTokens().insert(othersToken);
        });

        int revoked = inTx(() -> ports.refreshTokens().revokeAllOfUser(user.id()));

        assertThat(revoked).isEqualTo(2);
        inTx(() -> {
            assertThat(ports.refreshTokens().findByHashForUpdate(live.hash())).contains(live.revoke());
            assertThat(ports.refreshTokens().findByHashForUpdate(alsoLive.hash()))
                    .contains(alsoLive.revoke());
            assertThat(ports.refreshTokens().findByHashForUpdate(alreadyRevoked.hash()))
                    .contains(alreadyRevoked);
            assertThat(ports.refreshTokens().findByHashForUpdate(othersToken.hash()))
                    .contains(othersToken);
        });
    }

    @Test
    void revokeAllOfAUserWithoutTokensCountsNone() {
        User user = givenUser();

        assertThat(inTx(() -> ports.refreshTokens().revokeAllOfUser(user.id()))).isZero();
    }
}
