package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.auth.RefreshToken;
import dev.bookshop.domain.auth.RefreshTokenId;
import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    // Purging ---------------------------------------------------------------------------------------------------

    private static final Duration TTL = Duration.ofDays(30);
    private static final Duration MAX_AGE = Duration.ofDays(90);

    @Test
    void purgeDeletesEveryTokenOfAFamilyWhoseTokensAllExpired() {
        User user = givenUser();
        Instant now = TestData.now();
        RefreshToken first = issued(user, now.minus(Duration.ofDays(70)));
        RefreshToken successor = successorOf(first, now.minus(Duration.ofDays(65)));
        inTx(() -> {
            ports.refreshTokens().insert(first.rotate(now.minus(Duration.ofDays(65))));
            ports.refreshTokens().insert(successor);
        });

        int deleted = purge(now);

        assertThat(deleted).isEqualTo(2);
        assertThat(inTx(() -> ports.refreshTokens().findByHash(first.hash()))).isEmpty();
        assertThat(inTx(() -> ports.refreshTokens().findByHash(successor.hash())))
                .isEmpty();
    }

    @Test
    void purgeKeepsEveryTokenOfAFamilyWithALiveOneExpiredAndRotatedOnesIncluded() {
        User user = givenUser();
        Instant now = TestData.now();
        RefreshToken expiredRotated =
                issued(user, now.minus(Duration.ofDays(40))).rotate(now.minus(Duration.ofDays(1)));
        RefreshToken live = successorOf(expiredRotated, now.minus(Duration.ofDays(1)));
        RefreshToken loggedOut = TestData.refreshToken(user.id()).revoke();
        inTx(() -> {
            ports.refreshTokens().insert(expiredRotated);
            ports.refreshTokens().insert(live);
            ports.refreshTokens().insert(loggedOut);
        });

        purge(now);

        // Presenting the expired rotated token must still count as reuse and end the live session.
        assertThat(inTx(() -> ports.refreshTokens().findByHash(expiredRotated.hash())))
                .contains(expiredRotated);
        assertThat(inTx(() -> ports.refreshTokens().findByHash(live.hash()))).contains(live);
        assertThat(inTx(() -> ports.refreshTokens().findByHash(loggedOut.hash())))
                .contains(loggedOut);
    }

    @Test
    void purgeDeletesASessionPastItsMaxAgeEvenIfItsTokenHasNotExpired() {
        User user = givenUser();
        Instant now = TestData.now();
        // Issued under a longer max age than the one in force now: its expiry lies past the session's end.
        RefreshToken old = RefreshToken.issue(
                RefreshTokenId.of(UUID.randomUUID()),
                user.id(),
                TokenFamilyId.of(UUID.randomUUID()),
                TokenHash.of(UUID.randomUUID().toString()),
                now.minus(Duration.ofDays(100)),
                Duration.ofDays(200),
                Duration.ofDays(365));
        RefreshToken young = issued(user, now.minus(Duration.ofDays(10)));
        inTx(() -> {
            ports.refreshTokens().insert(old);
            ports.refreshTokens().insert(young);
        });

        int deleted = purge(now);

        assertThat(deleted).isEqualTo(1);
        assertThat(inTx(() -> ports.refreshTokens().findByHash(old.hash()))).isEmpty();
        assertThat(inTx(() -> ports.refreshTokens().findByHash(young.hash()))).contains(young);
    }

    @Test
    void purgeDeletesAtMostTheLimitPerCall() {
        User user = givenUser();
        Instant now = TestData.now();
        for (int i = 0; i < 3; i++) {
            RefreshToken dead = issued(user, now.minus(Duration.ofDays(60 + i)));
            inTx(() -> ports.refreshTokens().insert(dead));
        }

        assertThat(inTx(() -> ports.refreshTokens().deleteDeadFamilies(now, now.minus(MAX_AGE), 2)))
                .isEqualTo(2);
        assertThat(inTx(() -> ports.refreshTokens().deleteDeadFamilies(now, now.minus(MAX_AGE), 2)))
                .isEqualTo(1);
        assertThat(inTx(() -> ports.refreshTokens().deleteDeadFamilies(now, now.minus(MAX_AGE), 2)))
                .isZero();
    }

    @Test
    void concurrentPurgesDeleteEachDeadTokenOnceWithoutError() {
        User user = givenUser();
        Instant now = TestData.now();
        purge(now);
        int families = 40;
        List<RefreshToken> dead = new ArrayList<>();
        for (int i = 0; i < families; i++) {
            dead.add(issued(user, now.minus(Duration.ofDays(31)).minusSeconds(i)));
        }
        RefreshToken live = TestData.refreshToken(user.id());
        inTx(() -> {
            dead.forEach(ports.refreshTokens()::insert);
            ports.refreshTokens().insert(live);
        });

        List<Integer> perThread = Purging.drainConcurrently(
                8, ports.transactions(), () -> ports.refreshTokens().deleteDeadFamilies(now, now.minus(MAX_AGE), 3));

        assertThat(perThread.stream().mapToInt(Integer::intValue).sum()).isEqualTo(families);
        assertThat(inTx(() -> ports.refreshTokens().findByHash(dead.getFirst().hash())))
                .isEmpty();
        assertThat(inTx(() -> ports.refreshTokens().findByHash(live.hash()))).contains(live);
    }

    private int purge(Instant now) {
        return Purging.drain(
                ports.transactions(), () -> ports.refreshTokens().deleteDeadFamilies(now, now.minus(MAX_AGE), 1_000));
    }

    private static RefreshToken issued(User user, Instant at) {
        return RefreshToken.issue(
                RefreshTokenId.of(UUID.randomUUID()),
                user.id(),
                TokenFamilyId.of(UUID.randomUUID()),
                TokenHash.of(UUID.randomUUID().toString()),
                at,
                TTL,
                MAX_AGE);
    }

    private static RefreshToken successorOf(RefreshToken token, Instant at) {
        return token.successor(
                RefreshTokenId.of(UUID.randomUUID()),
                TokenHash.of(UUID.randomUUID().toString()),
                at,
                TTL,
                MAX_AGE);
    }
}
