package dev.bookshop.adapters.persistence.jooq;

import static dev.bookshop.adapters.persistence.jooq.Fixtures.T0;
import static dev.bookshop.adapters.persistence.jooq.Fixtures.storedUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.auth.RefreshToken;
import dev.bookshop.domain.auth.RefreshTokenId;
import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.auth.TokenHash;
import dev.bookshop.domain.user.User;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JooqRefreshTokenRepositoryTest extends DatabaseTest {

    private static RefreshToken token(User user, String raw) {
        return RefreshToken.issue(
                RefreshTokenId.of(UUID.randomUUID()),
                user.id(),
                TokenFamilyId.of(UUID.randomUUID()),
                TokenHash.of(raw),
                T0,
                Duration.ofDays(30));
    }

    @Test
    void finds_a_token_by_hash_and_revokes_it() {
        User ann = storedUser(ports, "ann@example.com");
        RefreshToken token = token(ann, "raw-1");
        ports.refreshTokens().insert(token);

        assertThat(ports.transactions()
                        .inTransaction(() -> ports.refreshTokens().findByHashForUpdate(TokenHash.of("raw-1"))))
                .contains(token);

        ports.refreshTokens().revoke(token.id());

        assertThat(ports.refreshTokens().findByHashForUpdate(TokenHash.of("raw-1")))
                .contains(token.revoke());
        assertThat(ports.refreshTokens().findByHashForUpdate(TokenHash.of("other")))
                .isEmpty();
    }

    @Test
    void revoking_all_of_a_user_counts_only_live_tokens() {
        User ann = storedUser(ports, "ann@example.com");
        User bob = storedUser(ports, "bob@example.com");
        RefreshToken first = token(ann, "a1");
        ports.refreshTokens().insert(first);
        ports.refreshTokens().insert(token(ann, "a2"));
        ports.refreshTokens().insert(token(bob, "b1"));
        ports.refreshTokens().revoke(first.id());

        assertThat(ports.refreshTokens().revokeAllOfUser(ann.id())).isEqualTo(1);
        assertThat(ports.refreshTokens()
                        .findByHashForUpdate(TokenHash.of("a2"))
                        .orElseThrow()
                        .revoked())
                .isTrue();
        assertThat(ports.refreshTokens()
                        .findByHashForUpdate(TokenHash.of("b1"))
                        .orElseThrow()
                        .revoked())
                .isFalse();
    }
}
