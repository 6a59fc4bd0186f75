package dev.bookshop.bootstrap.api;

import java.util.Map;

/** {@link AdminApiTest} against a server wired with {@code PERSISTENCE=jpa}: the same answers from the Hibernate adapter. */
class JpaAdminApiTest extends AdminApiTest {

    @Override
    Map<String, String> environment() {
        return Map.of("PERSISTENCE", "jpa");
    }
}
