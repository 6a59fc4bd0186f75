package dev.bookshop.bootstrap.api;

import java.util.Map;

/** {@link AuthApiTest} against a server wired with {@code PERSISTENCE=jpa}: the same answers from the Hibernate adapter. */
class JpaAuthApiTest extends AuthApiTest {

    @Override
    Map<String, String> environment() {
        return Map.of("PERSISTENCE", "jpa");
    }
}
