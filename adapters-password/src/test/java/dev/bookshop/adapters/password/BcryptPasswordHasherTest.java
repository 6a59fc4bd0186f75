package dev.bookshop.adapters.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.PasswordHash;
import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {

    private final BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);

    @Test
    void aHashMatchesItsPasswordOnly() {
        PasswordHash hash = hasher.hash(Password.chosen("correct horse"));

        assertThat(hash.value()).startsWith("$2a$04$");
        assertThat(hasher.matches(Password.offered("correct horse"), hash)).isTrue();
        assertThat(hasher.matches(Password.offered("correct horsE"), hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash(Password.chosen("password1"))).isNotEqualTo(hasher.hash(Password.chosen("password1")));
    }

    @Test
    void anOfferedPasswordLongerThanBcryptReadsNeverMatches() {
        String seventyTwo = "p".repeat(72);
        PasswordHash hash = hasher.hash(Password.chosen(seventyTwo));

        assertThat(hasher.matches(Password.offered(seventyTwo), hash)).isTrue();
        assertThat(hasher.matches(Password.offered(seventyTwo + "extra"), hash)).isFalse();
    }

    @Test
    void somethingThatIsNotABcryptHashMatchesNothing() {
        assertThat(hasher.matches(Password.offered("password1"), new PasswordHash("plain-text")))
                .isFalse();
    }

    @Test
    void theDefaultCostIsTwelveAndTooLowACostIsRefused() {
        assertThat(new BcryptPasswordHasher().hash(Password.chosen("password1")).value())
                .startsWith("$2a$12$");
        assertThatThrownBy(() -> new BcryptPasswordHasher(3)).isInstanceOf(IllegalArgumentException.class);
    }
}
