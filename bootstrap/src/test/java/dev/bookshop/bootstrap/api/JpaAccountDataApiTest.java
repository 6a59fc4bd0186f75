package dev.bookshop.bootstrap.api;

import java.util.Map;

/** The account-data API with the JPA adapter behind it. */
class JpaAccountDataApiTest extends AccountDataApiTest {

    @Override
    Map<String, String> environment() {
        return Map.of("PERSISTENCE", "jpa");
    }
}
