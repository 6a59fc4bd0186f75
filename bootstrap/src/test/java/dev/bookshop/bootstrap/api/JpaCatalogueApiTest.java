package dev.bookshop.bootstrap.api;

import java.util.Map;

/** {@link CatalogueApiTest} against a server wired with {@code PERSISTENCE=jpa}: the same answers from the Hibernate adapter. */
class JpaCatalogueApiTest extends CatalogueApiTest {

    @Override
    Map<String, String> environment() {
        return Map.of("PERSISTENCE", "jpa");
    }
}
