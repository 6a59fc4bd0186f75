package dev.bookshop.domain.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenHashTest {

    @Test
    void isTheSha256OfTheRawTokenInLowerCaseHex() {
        // Known SHA-256 test vectors (FIPS 180-2).
        assertThat(TokenHash.of("abc").hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TokenHash.of("").hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void isDeterministicAndDiffersPerToken() {
        String raw = "q9Lr2v8mZ0xW4sT1yB7nK3hF6dJ5cA0e-_Pu8iO2lM4";

        assertThat(TokenHash.of(raw)).isEqualTo(TokenHash.of(raw));
        assertThat(TokenHash.of(raw)).isNotEqualTo(TokenHash.of(raw + "x"));
        assertThat(TokenHash.of(raw).hex()).hasSize(64).doesNotContain(raw);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "abc",
                "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a",
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015adx"
            })
    void aStoredHashMustBe64LowerCaseHexDigits(String hex) {
        assertThatThrownBy(() -> new TokenHash(hex)).isInstanceOf(IllegalArgumentException.class);
    }
}
