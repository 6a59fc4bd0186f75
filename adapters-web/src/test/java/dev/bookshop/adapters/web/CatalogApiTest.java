package dev.bookshop.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.application.catalog.query.ProductSort;
import dev.bookshop.domain.catalog.Product;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CatalogApiTest {

    static TestApp app;
    static Product hobbit;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        app.shop.addCategory("Fantasy");
        hobbit = app.shop.addProduct("The Hobbit", 1299, 3);
        app.shop.addProduct("Dune", 999, 0);
        Product gone = app.shop.addProduct("Gone Book", 500, 1);
        app.shop.deactivate(gone.id());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void listsActiveBooksAsAPageOfProductViews() {
        var response = app.get("/api/v1/products");

        assertThat(response.status()).isEqualTo(200);
        JsonNode page = response.json();
        assertThat(page.properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("items", "page", "size", "total", "totalExact", "nextCursor");
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("totalExact").asBoolean()).isTrue();
        assertThat(page.get("nextCursor").isNull()).isTrue();
        assertThat(page.get("size").asInt()).isEqualTo(20);
        assertThat(page.get("items").findValuesAsText("title")).containsExactly("Dune", "The Hobbit");

        JsonNode book = page.get("items").get(1);
        assertThat(book.properties())
                .extracting(Map.Entry::getKey)
                .containsExactly(
                        "id",
                        "slug",
                        "title",
                        "author",
                        "series",
                        "description",
                        "isbn",
                        "priceCents",
                        "currency",
                        "stock",
                        "inStock",
                        "categories",
                        "createdAt",
                        "updatedAt");
        assertThat(book.get("id").asText()).isEqualTo(hobbit.id().toString());
        assertThat(book.get("slug").asText()).isEqualTo("the-hobbit");
        assertThat(book.get("priceCents").asLong()).isEqualTo(1299);
        assertThat(book.get("currency").asText()).isEqualTo("EUR");
        assertThat(book.get("inStock").asBoolean()).isTrue();
        assertThat(book.get("description").isNull()).isTrue();
        assertThat(book.get("categories").get(0).get("slug").asText()).isEqualTo("fantasy");
        assertThat(book.get("categories").get(0).get("name").asText()).isEqualTo("Fantasy");
    }

    @Test
    void readsFiltersSortAndPageFromTheQueryString() {
        var response = app.get("/api/v1/products?series=Narnia&author=Lewis&category=fantasy&minPrice=100"
                + "&maxPrice=2000&inStock=true&sort=-price&page=2&size=5");

        assertThat(response.status()).isEqualTo(200);
        var query = app.shop.lastProductQuery;
        assertThat(query.series()).contains("Narnia");
        assertThat(query.author()).contains("Lewis");
        assertThat(query.category().orElseThrow().value()).isEqualTo("fantasy");
        assertThat(query.minPrice().orElseThrow().cents()).isEqualTo(100);
        assertThat(query.maxPrice().orElseThrow().cents()).isEqualTo(2000);
        assertThat(query.inStockOnly()).isTrue();
        assertThat(query.includeInactive()).isFalse();
        assertThat(query.sort()).isEqualTo(ProductSort.PRICE_DESC);
        assertThat(query.page().page()).isEqualTo(2);
        assertThat(query.page().size()).isEqualTo(5);
    }

    @Test
    void pageSizeOverAHundredIsAValidationFailure() {
        var response = app.get("/api/v1/products?size=101");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("size");
    }

    @Test
    void unreadableQueryParametersAreNamedTogether() {
        var response = app.get("/api/v1/products?minPrice=cheap&inStock=yes&sort=best&page=0&category=No%20Slug");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("category", "minPrice", "inStock", "sort", "page");
    }

    @Test
    void authorAndSeriesFiltersLongerThanAnyBookAreRefused() {
        var response = app.get("/api/v1/products?author=" + "a".repeat(201) + "&series=" + "s".repeat(201));
        var longest = app.get("/api/v1/products?author=" + "a".repeat(200));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("author", "series");
        assertThat(longest.status()).isEqualTo(200);
    }

    @Test
    void searchNeedsANonBlankQuery() {
        var blank = app.get("/api/v1/products/search?q=%20%20");
        var missing = app.get("/api/v1/products/search");

        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().get("errors").get(0).get("field").asText()).isEqualTo("q");
        assertThat(missing.status()).isEqualTo(422);
    }

    @Test
    void searchAnswersAPageOfMatches() {
        var response = app.get("/api/v1/products/search?q=hobbit");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("items")).hasSize(1);
        assertThat(response.json().get("items").get(0).get("slug").asText()).isEqualTo("the-hobbit");
        assertThat(response.json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void readsOneBookByIdOrSlug() {
        var bySlug = app.get("/api/v1/products/the-hobbit");
        var byId = app.get("/api/v1/products/" + hobbit.id());

        assertThat(bySlug.status()).isEqualTo(200);
        assertThat(bySlug.json().get("id").asText()).isEqualTo(hobbit.id().toString());
        assertThat(bySlug.json().has("active")).isFalse();
        assertThat(byId.json().get("slug").asText()).isEqualTo("the-hobbit");
    }

    @Test
    void missingAndInactiveBooksAreNotFound() {
        var missing = app.get("/api/v1/products/no-such-book");
        var inactive = app.get("/api/v1/products/gone-book");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asText()).isEqualTo("PRODUCT_NOT_FOUND");
        assertThat(inactive.status()).isEqualTo(404);
    }

    @Test
    void listsCategoriesAsAnArray() {
        var response = app.get("/api/v1/categories");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
        assertThat(response.json().get(0).properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("id", "slug", "name");
        // Public, so storable; revalidated with its tag before reuse, as the catalogue may change at any moment.
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(response.header("ETag")).startsWith("\"");
    }
}
