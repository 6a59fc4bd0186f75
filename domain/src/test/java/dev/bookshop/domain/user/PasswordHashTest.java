package dev.bookshop.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

    private static final String BCRYPT = "$2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW";

    @Test
    void neverRevealsTheHashWhenPrinted() {
        PasswordHash hash = new PasswordHash(BCRYPT);

        assertThat(hash.toString()).doesNotContain(BCRYPT).doesNotContain("R9h");
        assertThat(hash.value()).isEqualTo(BCRYPT);
    }

    @Test
    void isRequired() {
        assertThatThrownBy(() -> new PasswordHash(null)).isInstanceOf(NullPointerException.class);
    }
}
