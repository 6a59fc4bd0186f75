package dev.bookshop.bootstrap.api;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** {@link CatalogueApiTest} against a server wired with {@code PERSISTENCE=jpa}: the same answers from the Hibernate adapter. */
class JpaCatalogueApiTest extends CatalogueApiTest {

    @BeforeAll
    static void start() {
        api = Api.start(Map.of("PERSISTENCE", "jpa"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }
}
