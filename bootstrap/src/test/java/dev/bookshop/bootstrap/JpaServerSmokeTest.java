package dev.bookshop.bootstrap;

import java.util.Map;

/** The same journey with {@code PERSISTENCE=jpa}: the composition root wires Hibernate instead of jOOQ. */
class JpaServerSmokeTest extends ServerSmokeTest {

    @Override
    Map<String, String> environment() {
        return Map.of("PERSISTENCE", "jpa");
    }
}
