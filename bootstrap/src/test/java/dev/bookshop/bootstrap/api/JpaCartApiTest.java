package dev.bookshop.bootstrap.api;

import java.util.Map;

/** {@link CartApiTest} against a server wired with {@code PERSISTENCE=jpa}: the same answers from the Hibernate adapter. */
class JpaCartApiTest extends CartApiTest {

    @Override
    Map<String, String> environment() {
        return Map.of("PERSISTENCE", "jpa");
    }
}
