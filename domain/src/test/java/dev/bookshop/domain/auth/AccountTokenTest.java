package dev.bookshop.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccountTokenTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final UserId USER = UserId.of(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final TokenHash HASH = TokenHash.of("raw");
    private static final Duration TTL = Duration.ofMinutes(30);

    private static AccountToken reset() {
        return AccountToken.passwordReset(new AccountTokenId(UUID.randomUUID()), USER, HASH, NOW, TTL);
    }

    @Test
    void aFreshTokenIsUsableForItsOwnKindUntilItExpires() {
        AccountToken token = reset();

        assertThat(token.expiresAt()).isEqualTo(NOW.plus(TTL));
        assertThat(token.requireUsable(NOW.plus(TTL).minusSeconds(1), AccountTokenKind.PASSWORD_RESET))
                .isSameAs(token);
        assertThatThrownBy(() -> token.requireUsable(NOW.plus(TTL), AccountTokenKind.PASSWORD_RESET))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aTokenOfAnotherKindIsRefused() {
        assertThatThrownBy(() ->
                        reset().requireUsable(NOW, AccountTokenKind.EMAIL_VERIFICATION, AccountTokenKind.EMAIL_CHANGE))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aTokenWorksOnce() {
        AccountToken used = reset().use(NOW);

        assertThat(used.isUsed()).isTrue();
        assertThat(used.usedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> used.requireUsable(NOW, AccountTokenKind.PASSWORD_RESET))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> used.use(NOW)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void onlyAnEmailChangeNamesANewAddress() {
        AccountToken change = AccountToken.emailChange(
                new AccountTokenId(UUID.randomUUID()), USER, HASH, Email.of("new@example.com"), NOW, TTL);

        assertThat(change.newEmail()).isEqualTo(Email.of("new@example.com"));
        assertThat(AccountToken.emailVerification(new AccountTokenId(UUID.randomUUID()), USER, HASH, NOW, TTL)
                        .newEmail())
                .isNull();
        assertThatThrownBy(() -> new AccountToken(
                        new AccountTokenId(UUID.randomUUID()),
                        USER,
                        AccountTokenKind.EMAIL_CHANGE,
                        HASH,
                        null,
                        NOW.plus(TTL),
                        null,
                        NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTokenLivesAPositiveTime() {
        assertThatThrownBy(() -> AccountToken.passwordReset(
                        new AccountTokenId(UUID.randomUUID()), USER, HASH, NOW, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
