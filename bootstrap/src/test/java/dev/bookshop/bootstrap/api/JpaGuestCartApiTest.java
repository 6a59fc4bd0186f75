package dev.bookshop.bootstrap.api;

import java.util.Map;

/** {@link GuestCartApiTest} against a server wired with {@code PERSISTENCE=jpa}. */
class JpaGuestCartApiTest extends GuestCartApiTest {

    @Override
    Map<String, String> environment() {
        return Map.of("PERSISTENCE", "jpa");
    }
}
