package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Catalogue facets and search-box suggestions over HTTP. Each test writes its own books under an author or a word
 * nobody else uses and asks only about those, so the class's other books do not disturb the counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FacetsAndSuggestApiTest {

    static Api api;

    /** The variables the server runs with beyond the test defaults; a subclass names another adapter here. */
    Map<String, String> environment() {
        return Map.of();
    }

    @BeforeAll
    void start() {
        api = Api.start(environment());
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private static String word() {
        return "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode book(String title, String author, long price, int stock, Map<String, Object> more) {
        Map<String, Object> fields = new HashMap<>(more);
        fields.put("title", title);
        fields.put("author", author);
        return api.newBook(price, stock, fields);
    }

    private static JsonNode ok(String path) {
        Response answer = api.get(path);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        return answer.json();
    }

    private static void withdraw(JsonNode book) {
        api.delete(
                V1 + "/admin/products/" + book.get("id").asText(), api.admin().auth());
    }

    @Test
    void facetsCountWhatTheListFiltersFind() {
        String author = "Facet " + word();
        JsonNode shelf = api.newCategory("Facet shelf " + word());
        String slug = shelf.get("slug").asText();
        book("One", author, 450, 2, Map.of("series", "Saga " + author, "categorySlugs", List.of(slug)));
        book("Two", author, 1_500, 0, Map.of("series", "Saga " + author));
        book("Three", author, 7_500, 1, Map.of());
        withdraw(book("Gone", author, 450, 1, Map.of("categorySlugs", List.of(slug))));

        JsonNode facets = ok(V1 + "/products/facets?author=" + q(author));

        assertThat(facets.get("categories")).hasSize(1);
        assertThat(facets.get("categories").get(0).get("slug").asText()).isEqualTo(slug);
        assertThat(facets.get("categories").get(0).get("name").asText())
                .isEqualTo(shelf.get("name").asText());
        assertThat(facets.get("categories").get(0).get("count").asLong()).isEqualTo(1);
        assertThat(facets.get("series").get(0).get("name").asText()).isEqualTo("Saga " + author);
        assertThat(facets.get("series").get(0).get("count").asLong()).isEqualTo(2);
        assertThat(facets.get("authors").get(0).get("count").asLong()).isEqualTo(3);
        assertThat(facets.get("priceBands").findValuesAsText("count")).containsExactly("1", "0", "1", "0", "1");
        assertThat(facets.get("priceBands").get(0).get("minCents").asLong()).isZero();
        assertThat(facets.get("priceBands").get(0).get("maxCents").asLong()).isEqualTo(500);
        assertThat(facets.get("priceBands").get(4).get("maxCents").isNull()).isTrue();
        assertThat(facets.get("inStock").asLong()).isEqualTo(2);
        assertThat(facets.get("exact").asBoolean()).isTrue();

        JsonNode inStock = ok(V1 + "/products/facets?inStock=true&maxPrice=2000&author=" + q(author));
        assertThat(inStock.get("authors").get(0).get("count").asLong()).isEqualTo(1);
    }

    @Test
    void facetsOfASearchCountWhatItFinds() {
        String word = word();
        book("The " + word + " Road", "Somebody", 999, 1, Map.of());
        book("Else", "Ann " + word, 2_500, 0, Map.of());

        JsonNode facets = ok(V1 + "/products/facets?q=" + word);

        assertThat(facets.get("authors").findValuesAsText("name")).containsExactly("Ann " + word, "Somebody");
        assertThat(facets.get("priceBands").findValuesAsText("count")).containsExactly("0", "1", "0", "1", "0");
        assertThat(facets.get("inStock").asLong()).isEqualTo(1);
    }

    @Test
    void facetsRefuseBadFiltersAndASearchMixedWithFilters() {
        for (String query :
                List.of("minPrice=cheap", "inStock=maybe", "q=x&author=y", "q=%20%20", "q=" + "x".repeat(201))) {
            Response refused = api.get(V1 + "/products/facets?" + query);
            assertThat(refused.status()).as(query).isEqualTo(422);
            assertThat(refused.json().get("code").asText()).as(query).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(api.get(V1 + "/products/facets?q=x&author=y")
                        .json()
                        .get("errors")
                        .findValuesAsText("field"))
                .containsExactly("author");
    }

    @Test
    void suggestionsMatchTheStartOfTitleAuthorOrSeriesIgnoringCaseAndAccents() {
        String word = word();
        JsonNode byTitle = book("Pérez " + word + " Returns", "Someone", 999, 1, Map.of());
        JsonNode byAuthor = book("Another Story", "Pérez " + word, 999, 0, Map.of());
        JsonNode bySeries = book("Book Three", "Nobody", 999, 1, Map.of("series", "PÉREZ " + word + " Saga"));
        withdraw(book("Pérez " + word + " Hidden", "Someone", 999, 1, Map.of()));

        JsonNode found = ok(V1 + "/products/suggest?q=" + q("perez " + word.toUpperCase()));

        assertThat(found.findValuesAsText("slug"))
                .containsExactly(
                        byTitle.get("slug").asText(),
                        byAuthor.get("slug").asText(),
                        bySeries.get("slug").asText());
        assertThat(found.get(0).get("title").asText()).isEqualTo("Pérez " + word + " Returns");
        assertThat(found.get(0).get("author").asText()).isEqualTo("Someone");
        assertThat(ok(V1 + "/products/suggest?limit=2&q=" + q("  Perez " + word)))
                .hasSize(2);
        assertThat(ok(V1 + "/products/suggest?q=" + q(word)))
                .as("only the start matches")
                .isEmpty();
    }

    @Test
    void suggestionsRefuseABlankOrLongTextAndALimitOutOfRange() {
        assertRefused("q=", "q");
        assertRefused("q=%20%20%20", "q");
        assertRefused("q=" + "x".repeat(101), "q");
        assertRefused("q=har&limit=0", "limit");
        assertRefused("q=har&limit=21", "limit");
        assertRefused("q=har&limit=many", "limit");
        assertRefused("limit=99", "q", "limit");
        assertThat(api.get(V1 + "/products/suggest?q=" + "x".repeat(100)).status())
                .isEqualTo(200);
        assertThat(api.get(V1 + "/products/suggest?q=har&limit=20").status()).isEqualTo(200);
    }

    private static void assertRefused(String query, String... fields) {
        Response refused = api.get(V1 + "/products/suggest?" + query);
        assertThat(refused.status()).as(query).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
    }

    @Test
    void bothCarryATagAndAnswer304WhileUnchanged() {
        String author = "Tagged " + word();
        book("Tagged " + word(), author, 900, 5, Map.of());
        String facets = V1 + "/products/facets?author=" + q(author);
        String suggest = V1 + "/products/suggest?q=" + q(author);

        for (String path : List.of(facets, suggest)) {
            Response first = api.get(path);
            assertThat(first.status()).as(path).isEqualTo(200);
            String tag = first.header("ETag");
            assertThat(tag).as(path).matches("\"[A-Za-z0-9_-]{22}\"");
            Response again = api.get(path, "If-None-Match", tag);
            assertThat(again.status()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
        }

        String before = api.get(facets).header("ETag");
        book("Tagged too " + word(), author, 900, 5, Map.of());
        assertThat(api.get(facets, "If-None-Match", before).status()).isEqualTo(200);
    }
}
