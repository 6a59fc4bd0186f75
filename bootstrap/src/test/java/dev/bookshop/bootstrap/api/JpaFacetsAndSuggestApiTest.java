package dev.bookshop.bootstrap.api;

import java.util.Map;

/** {@link FacetsAndSuggestApiTest} against a server wired with {@code PERSISTENCE=jpa}. */
class JpaFacetsAndSuggestApiTest extends FacetsAndSuggestApiTest {

    @Override
    Map<String, String> environment() {
        return Map.of("PERSISTENCE", "jpa");
    }
}
