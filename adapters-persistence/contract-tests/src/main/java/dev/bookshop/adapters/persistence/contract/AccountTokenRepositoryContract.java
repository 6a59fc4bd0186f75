package dev.bookshop.adapters.persistence.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.auth.AccountToken;
import dev.bookshop.domain.auth.AccountTokenId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.User;
import dev.bookshop.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every adapter's {@code AccountTokenRepository} must do. */
public abstract class AccountTokenRepositoryContract extends PersistenceContract {

    private static final Duration TTL = Duration.ofMinutes(30);

    private static AccountToken reset(UserId userId, Instant now) {
        return AccountToken.passwordReset(id(), userId, hash(), now, TTL);
    }

    private static AccountTokenId id() {
        return new AccountTokenId(UUID.randomUUID());
    }

    private static TokenHash hash() {
        return TokenHash.of(UUID.randomUUID().toString());
    }

    private AccountToken given(AccountToken token) {
        inTx(() -> ports.accountTokens().insert(token));
        return token;
    }

    private AccountToken reread(AccountToken token) {
        return inTx(() -> ports.accountTokens().findByHash(token.hash())).orElseThrow();
    }

    @Test
    void roundTripsEveryKindByHash() {
        User user = givenUser();
        Instant now = TestData.now();
        AccountToken reset = given(reset(user.id(), now));
        AccountToken verification =
                given(AccountToken.emailVerification(id(), user.id(), hash(), now, Duration.ofDays(2)));
        AccountToken change =
                given(AccountToken.emailChange(id(), user.id(), hash(), TestData.email(), now, Duration.ofDays(2)));

        assertThat(reread(reset)).isEqualTo(reset);
        assertThat(reread(verification)).isEqualTo(verification);
        assertThat(reread(change)).isEqualTo(change);
        assertThat(inTx(() -> ports.accountTokens().findByHash(hash()))).isEmpty();
    }

    @Test
    void markUsedUsesAnUnusedTokenOnceAndRecordsWhen() {
        User user = givenUser();
        Instant now = TestData.now();
        AccountToken token = given(reset(user.id(), now));
        Instant at = now.plusSeconds(60);

        assertThat(inTx(() -> ports.accountTokens().markUsed(token.id(), at))).isTrue();
        assertThat(inTx(() -> ports.accountTokens().markUsed(token.id(), at.plusSeconds(1))))
                .isFalse();

        assertThat(reread(token)).isEqualTo(token.use(at));
    }

    @Test
    void markUsedRefusesAnExpiredToken() {
        User user = givenUser();
        Instant now = TestData.now();
        AccountToken token = given(reset(user.id(), now));

        assertThat(inTx(() -> ports.accountTokens().markUsed(token.id(), token.expiresAt())))
                .isFalse();
        assertThat(reread(token).isUsed()).isFalse();
    }

    @Test
    void twoConsumersOfOneTokenAtOnceOneWins() {
        User user = givenUser();
        Instant now = TestData.now();
        AccountToken token = given(reset(user.id(), now));

        List<Boolean> wins =
                Concurrently.run(16, () -> inTx(() -> ports.accountTokens().markUsed(token.id(), now.plusSeconds(1))));

        assertThat(wins).containsOnlyOnce(true);
        assertThat(reread(token).isUsed()).isTrue();
    }

    @Test
    void voidAllOfUserUsesEveryUnusedTokenOfThatUserOnly() {
        User user = givenUser();
        User other = givenUser();
        Instant now = TestData.now();
        AccountToken used = given(reset(user.id(), now));
        inTx(() -> ports.accountTokens().markUsed(used.id(), now.plusSeconds(1)));
        AccountToken first = given(reset(user.id(), now));
        AccountToken second =
                given(AccountToken.emailChange(id(), user.id(), hash(), TestData.email(), now, Duration.ofDays(2)));
        AccountToken theirs = given(reset(other.id(), now));
        Instant at = now.plusSeconds(10);

        assertThat(inTx(() -> ports.accountTokens().voidAllOfUser(user.id(), at)))
                .isEqualTo(2);

        assertThat(reread(first)).isEqualTo(first.use(at));
        assertThat(reread(second)).isEqualTo(second.use(at));
        assertThat(reread(used).usedAt()).isEqualTo(now.plusSeconds(1));
        assertThat(reread(theirs)).isEqualTo(theirs);
    }

    @Test
    void purgeDeletesUsedAndExpiredTokensOnlyWithinTheLimit() {
        User user = givenUser();
        Instant now = TestData.now();
        AccountToken live = given(reset(user.id(), now));
        AccountToken expired = given(reset(user.id(), now.minus(TTL).minusSeconds(1)));
        AccountToken used = given(reset(user.id(), now.minusSeconds(5)));
        inTx(() -> ports.accountTokens().markUsed(used.id(), now.minusSeconds(1)));
        AccountToken usedLater = given(reset(user.id(), now));
        inTx(() -> ports.accountTokens().markUsed(usedLater.id(), now.plusSeconds(5)));

        assertThat(inTx(() -> ports.accountTokens().deleteUsedOrExpiredBefore(now, 1)))
                .isEqualTo(1);
        assertThat(Purging.drain(
                        ports.transactions(), () -> ports.accountTokens().deleteUsedOrExpiredBefore(now, 10)))
                .isEqualTo(1);

        assertThat(inTx(() -> ports.accountTokens().findByHash(expired.hash()))).isEmpty();
        assertThat(inTx(() -> ports.accountTokens().findByHash(used.hash()))).isEmpty();
        assertThat(inTx(() -> ports.accountTokens().findByHash(live.hash()))).isPresent();
        assertThat(inTx(() -> ports.accountTokens().findByHash(usedLater.hash())))
                .isPresent();
    }

    @Test
    void concurrentPurgesDeleteEachTokenOnce() {
        User user = givenUser();
        Instant now = TestData.now();
        int tokens = 60;
        inTx(() -> {
            for (int i = 0; i < tokens; i++) {
                ports.accountTokens().insert(reset(user.id(), now.minus(TTL).minusSeconds(1)));
            }
        });

        List<Integer> totals = Purging.drainConcurrently(
                4, ports.transactions(), () -> ports.accountTokens().deleteUsedOrExpiredBefore(now, 7));

        assertThat(totals.stream().mapToInt(Integer::intValue).sum()).isEqualTo(tokens);
    }
}
