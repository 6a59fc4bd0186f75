package dev.bookshop.adapters.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bookshop.domain.user.Email;
import org.junit.jupiter.api.Test;

/** The key of the per-email login budget: one per account spelling, never longer than an address can be. */
class EmailKeyTest {

    @Test
    void spellingsOfOneAddressShareAKey() {
        assertThat(AuthRoutes.emailKey("  Ann@Example.COM \t")).isEqualTo(AuthRoutes.emailKey("ann@example.com"));
    }

    @Test
    void aHugeEmailBecomesAKeyNoLongerThanAnAddress() {
        String huge = " " + "A".repeat(1_000_000) + "@example.com";

        String key = AuthRoutes.emailKey(huge);

        assertThat(key).hasSize(Email.MAX_LENGTH).isEqualTo("a".repeat(Email.MAX_LENGTH));
    }

    @Test
    void lowerCasingThatLengthensTextStaysWithinTheCap() {
        assertThat(AuthRoutes.emailKey("İ".repeat(Email.MAX_LENGTH))).hasSizeLessThanOrEqualTo(Email.MAX_LENGTH);
    }
}
