package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The public shop front: lists with filters, orders and pages, full-text search, book detail and categories. Each
 * test writes its own books under an author or words nobody else uses, and reads only those back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogueApiTest {

    static Api api;

    /** The variables the server runs with beyond the test defaults; a subclass names another adapter here. */
    Map<String, String> environment() {
        return Map.of();
    }

    // Instance methods: a subclass that names another adapter still starts one server, not this one and its own.
    @BeforeAll
    void start() {
        Map<String, String> environment = new java.util.HashMap<>(environment());
        environment.put("CATALOGUE_WINDOW", String.valueOf(WINDOW));
        api = Api.start(environment);
    }

    /** A small catalogue window (the shop's is 10,000), so a test can pass it with a hundred books. */
    static final int WINDOW = 100;

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
        Map<String, Object> fields = new java.util.HashMap<>(more);
        fields.put("title", title);
        fields.put("author", author);
        return api.newBook(price, stock, fields);
    }

    private static JsonNode list(String query) {
        Response page = api.get(V1 + "/products?" + query);
        assertThat(page.status()).as("%s", page).isEqualTo(200);
        return page.json();
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    @Test
    void aBookReadsTheSameByIdAndBySlug() {
        String title = "The Hobbit " + word();
        JsonNode created = book(
                title,
                "J. R. R. Tolkien",
                1299,
                4,
                Map.of("series", "Middle-earth", "description", "There and back again.", "isbn", "9780261102217"));

        Response byId = api.get(V1 + "/products/" + created.get("id").asText());
        Response bySlug = api.get(V1 + "/products/" + created.get("slug").asText());

        assertThat(created.get("slug").asText()).isEqualTo(title.toLowerCase().replace(' ', '-'));
        assertThat(byId.status()).isEqualTo(200);
        assertThat(bySlug.json()).isEqualTo(byId.json());
        JsonNode view = byId.json();
        assertThat(view.get("title").asText()).isEqualTo(title);
        assertThat(view.get("series").asText()).isEqualTo("Middle-earth");
        assertThat(view.get("isbn").asText()).isEqualTo("9780261102217");
        assertThat(view.get("priceCents").asLong()).isEqualTo(1299);
        assertThat(view.get("currency").asText()).isEqualTo("EUR");
        assertThat(view.get("stock").asInt()).isEqualTo(4);
        assertThat(view.get("inStock").asBoolean()).isTrue();
        assertThat(view.has("active")).as("the shop front does not say active").isFalse();
    }

    @Test
    void catalogueReadsCarryATagAndAnswer304WhileTheyAreUnchanged() {
        String author = "Tagged " + word();
        JsonNode book = book("Tagged " + word(), author, 900, 5, Map.of());
        String detail = V1 + "/products/" + book.get("slug").asText();
        String listing = V1 + "/products?author=" + q(author);
        String search = V1 + "/products/search?q=" + q(author);

        for (String path : List.of(detail, listing, search, V1 + "/categories")) {
            Response first = api.get(path);
            String tag = first.header("ETag");
            assertThat(tag).as(path).matches("\"[A-Za-z0-9_-]{22}\"");
            assertThat(first.header("Cache-Control")).as(path).isEqualTo("no-cache");

            Response again = api.get(path, "If-None-Match", tag);
            assertThat(again.status()).as(path).isEqualTo(304);
            assertThat(again.body()).as(path).isEmpty();
            assertThat(again.header("ETag")).as(path).isEqualTo(tag);
            // Weak comparison, lists and another tag.
            assertThat(api.get(path, "If-None-Match", "\"other\", W/" + tag).status())
                    .as(path)
                    .isEqualTo(304);
            assertThat(api.get(path, "If-None-Match", "\"other\"").status())
                    .as(path)
                    .isEqualTo(200);
        }

        Response before = api.get(detail);
        Response changed = api.patch(
                V1 + "/admin/products/" + book.get("id").asText(),
                Map.of("priceCents", 950),
                api.admin().auth());
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        for (String path : List.of(detail, listing)) {
            Response after = api.get(path, "If-None-Match", path.equals(detail) ? before.header("ETag") : "\"x\"");
            assertThat(after.status()).as(path).isEqualTo(200);
            assertThat(after.body()).as(path).contains("950");
        }
        assertThat(api.get(detail).header("ETag")).isNotEqualTo(before.header("ETag"));
    }

    @Test
    void aRepeatedTitleGetsTheNextFreeSlug() {
        String title = "Same Title " + word();
        JsonNode first = book(title, "A", 500, 1, Map.of());
        JsonNode second = book(title, "B", 500, 1, Map.of());

        assertThat(second.get("slug").asText()).isEqualTo(first.get("slug").asText() + "-2");
    }

    @Test
    void missingAndInactiveBooksAre404() {
        JsonNode gone = api.newBook(800, 3);
        assertThat(api.delete(
                                V1 + "/admin/products/" + gone.get("id").asText(),
                                api.admin().auth())
                        .status())
                .isEqualTo(204);

        for (String key : new String[] {
            gone.get("id").asText(),
            gone.get("slug").asText(),
            UUID.randomUUID().toString(),
            "no-such-book-" + word()
        }) {
            Response missing = api.get(V1 + "/products/" + key);
            assertThat(missing.status()).as(key).isEqualTo(404);
            assertThat(missing.json().get("code").asText()).isEqualTo("PRODUCT_NOT_FOUND");
        }
    }

    @Test
    void listsShowActiveBooksOnlySortedByTitleByDefault() {
        String author = "Author " + word();
        book("banana", author, 300, 1, Map.of());
        book("Apple", author, 200, 1, Map.of());
        JsonNode hidden = book("Cherry", author, 100, 1, Map.of());
        api.delete(
                V1 + "/admin/products/" + hidden.get("id").asText(), api.admin().auth());

        JsonNode page = list("author=" + q(author));

        assertThat(titles(page)).containsExactly("Apple", "banana");
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(20);
    }

    @Test
    void everySortOrder() {
        String author = "Author " + word();
        book("Beta", author, 300, 1, Map.of());
        book("alpha", author, 100, 1, Map.of());
        book("Gamma", author, 200, 1, Map.of());
        String by = "author=" + q(author) + "&sort=";

        assertThat(titles(list(by + "title"))).containsExactly("alpha", "Beta", "Gamma");
        assertThat(titles(list(by + "-title"))).containsExactly("Gamma", "Beta", "alpha");
        assertThat(titles(list(by + "price"))).containsExactly("alpha", "Gamma", "Beta");
        assertThat(titles(list(by + "-price"))).containsExactly("Beta", "Gamma", "alpha");
        assertThat(titles(list(by + "newest"))).containsExactly("Gamma", "alpha", "Beta");
    }

    @Test
    void filtersBySeriesAuthorCategoryPriceAndStock() {
        String author = "Author " + word();
        JsonNode category = api.newCategory("Fantasy " + word());
        String slug = category.get("slug").asText();
        book("One", author, 500, 0, Map.of("series", "Narnia " + author));
        book("Two", author, 1000, 2, Map.of("series", "Narnia " + author, "categorySlugs", List.of(slug)));
        book("Three", author, 1500, 5, Map.of("categorySlugs", List.of(slug)));
        String by = "author=" + q(author.toUpperCase()) + "&";

        assertThat(titles(list(by + "series=" + q(("narnia " + author).toLowerCase()))))
                .containsExactly("One", "Two");
        assertThat(titles(list(by + "category=" + slug))).containsExactly("Three", "Two");
        assertThat(titles(list(by + "minPrice=1000"))).containsExactly("Three", "Two");
        assertThat(titles(list(by + "maxPrice=1000"))).containsExactly("One", "Two");
        assertThat(titles(list(by + "minPrice=600&maxPrice=1400"))).containsExactly("Two");
        assertThat(titles(list(by + "inStock=true"))).containsExactly("Three", "Two");
        assertThat(titles(list(by + "inStock=false"))).containsExactly("One", "Three", "Two");
        assertThat(titles(list(by + "series=&category="))).containsExactly("One", "Three", "Two");
        assertThat(titles(list(by + "category=no-such-category-" + word()))).isEmpty();
        JsonNode two =
                list(by + "category=" + slug + "&sort=price").get("items").get(0);
        assertThat(two.get("categories"))
                .containsExactly(Api.JSON.valueToTree(
                        Map.of("slug", slug, "name", category.get("name").asText())));
    }

    @Test
    void pagesCarryTheTotalAndNeverOverlap() {
        String author = "Author " + word();
        for (int i = 1; i <= 5; i++) {
            book("Volume " + i, author, 100L * i, 1, Map.of());
        }
        String by = "author=" + q(author) + "&sort=price&size=2&page=";

        JsonNode first = list(by + "1");
        JsonNode third = list(by + "3");
        JsonNode beyond = list(by + "4");

        assertThat(titles(first)).containsExactly("Volume 1", "Volume 2");
        assertThat(titles(list(by + "2"))).containsExactly("Volume 3", "Volume 4");
        assertThat(titles(third)).containsExactly("Volume 5");
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(third.get("page").asInt()).isEqualTo(3);
        assertThat(titles(beyond)).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(5);
        assertThat(list("author=" + q(author) + "&size=100").get("size").asInt())
                .isEqualTo(100);
    }

    @Test
    void badQueryParametersAre422NamingTheParameter() {
        assertInvalid("size=101", "size");
        assertInvalid("size=0", "size");
        assertInvalid("page=0", "page");
        assertInvalid("page=-1", "page");
        assertInvalid("page=two", "page");
        assertInvalid("minPrice=cheap", "minPrice");
        assertInvalid("maxPrice=-5", "maxPrice");
        assertInvalid("inStock=maybe", "inStock");
        assertInvalid("sort=popularity", "sort");
        assertInvalid("size=1000&sort=up", "size", "sort");
        assertInvalid("page=99999999999999999999", "page");
    }

    private static void assertInvalid(String query, String... fields) {
        Response refused = api.get(V1 + "/products?" + query);
        assertThat(refused.status()).as(query).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
    }

    @Test
    void aPageBeyondTheWindowIs422NamingCursorPaging() {
        for (String path : new String[] {"/products?page=2147483647&size=100", "/products/search?q=a&page=6&size=20"}) {
            Response late = api.get(V1 + path);

            assertThat(late.status()).as("%s", late).isEqualTo(422);
            assertThat(late.json().get("code").asText()).isEqualTo("PAGE_WINDOW_EXCEEDED");
            assertThat(late.json().get("detail").asText()).contains("cursor");
        }
        assertThat(api.get(V1 + "/products?page=5&size=20").status()).isEqualTo(200);
    }

    @Test
    void pastTheWindowTheTotalSaysSoAndCursorsStillReachEveryBook() {
        String author = "Author " + word();
        for (int i = 0; i < WINDOW + 3; i++) {
            book(String.format("Part %03d", i), author, 100 + i, 1, Map.of());
        }

        JsonNode first = list("author=" + q(author) + "&size=100");
        assertThat(first.get("total").asLong()).isEqualTo(WINDOW);
        assertThat(first.get("totalExact").asBoolean()).isFalse();
        JsonNode rest = list("author=" + q(author) + "&size=100&cursor="
                + first.get("nextCursor").asText());
        assertThat(titles(rest)).containsExactly("Part 100", "Part 101", "Part 102");
        assertThat(rest.get("page").isNull()).isTrue();
        assertThat(rest.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void aCursorWalkOverTheApiShowsEveryBookOnce() {
        String word = word();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            expected.add(book("Chapter " + i + " " + word, "Ann " + word, 100 + i, 1, Map.of())
                    .get("id")
                    .asText());
        }
        for (String start : new String[] {
            "/products?sort=-price&size=3&author=" + q("Ann " + word), "/products/search?size=3&q=" + word
        }) {
            List<String> walked = new ArrayList<>();
            JsonNode page = api.get(V1 + start).json();
            assertThat(page.get("page").asInt()).isEqualTo(1);
            assertThat(page.get("totalExact").asBoolean()).isTrue();
            assertThat(page.get("total").asLong()).isEqualTo(7);
            while (true) {
                walked.addAll(page.get("items").findValuesAsText("id"));
                if (page.get("nextCursor").isNull()) {
                    break;
                }
                page = api.get(V1 + start + "&cursor=" + page.get("nextCursor").asText())
                        .json();
                assertThat(page.get("page").isNull()).isTrue();
            }
            assertThat(walked).as(start).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    @Test
    void badCursorsAndCursorWithPageAre422() {
        String author = "Author " + word();
        for (int i = 0; i < 3; i++) {
            book("Leaf " + i, author, 100, 1, Map.of());
        }
        String cursor =
                list("author=" + q(author) + "&size=1").get("nextCursor").asText();
        char flipped = cursor.charAt(cursor.length() / 2) == 'A' ? 'B' : 'A';
        String tampered =
                cursor.substring(0, cursor.length() / 2) + flipped + cursor.substring(cursor.length() / 2 + 1);

        assertInvalid("author=" + q(author) + "&cursor=not-a-cursor!", "cursor");
        assertInvalid("author=" + q(author) + "&cursor=" + tampered, "cursor");
        assertInvalid("author=" + q(author + "x") + "&cursor=" + cursor, "cursor");
        assertInvalid("author=" + q(author) + "&sort=price&cursor=" + cursor, "cursor");
        assertInvalid("author=" + q(author) + "&page=2&cursor=" + cursor, "page", "cursor");
        Response search = api.get(V1 + "/products/search?q=leaf&cursor=" + cursor);
        assertThat(search.status()).isEqualTo(422);
        assertThat(search.json().get("errors").findValuesAsText("field")).containsExactly("cursor");
        assertThat(list("author=" + q(author) + "&size=1&cursor=" + cursor).get("items"))
                .hasSize(1);
    }

    @Test
    void searchFindsWordsInTitleAuthorSeriesAndDescriptionBestMatchFirst() {
        String word = word();
        JsonNode inDescription = book("Plain", "Nobody", 500, 1, Map.of("description", "All about " + word + "."));
        JsonNode inTitle = book("The " + word + " Book", "Nobody", 500, 1, Map.of());
        JsonNode inAuthor = book("Another", "Ann " + word, 500, 1, Map.of());
        JsonNode inSeries = book("Yet another", "Nobody", 500, 1, Map.of("series", word + " Saga"));
        JsonNode inactive = book("Hidden " + word, "Nobody", 500, 1, Map.of());
        api.delete(
                V1 + "/admin/products/" + inactive.get("id").asText(),
                api.admin().auth());

        Response found = api.get(V1 + "/products/search?q=" + word.toUpperCase());

        assertThat(found.status()).isEqualTo(200);
        List<String> ids = found.json().get("items").findValuesAsText("id");
        assertThat(ids)
                .containsExactlyInAnyOrder(
                        inDescription.get("id").asText(),
                        inTitle.get("id").asText(),
                        inAuthor.get("id").asText(),
                        inSeries.get("id").asText());
        assertThat(ids.getLast())
                .as("a description match ranks last")
                .isEqualTo(inDescription.get("id").asText());
        assertThat(found.json().get("total").asLong()).isEqualTo(4);
    }

    @Test
    void searchPagesAndRefusesABlankQuery() {
        String word = word();
        for (int i = 0; i < 3; i++) {
            book("Tome " + i + " " + word, "Nobody", 500, 1, Map.of());
        }

        JsonNode page = api.get(V1 + "/products/search?size=2&page=2&q=" + word).json();

        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("total").asLong()).isEqualTo(3);
        for (String query : new String[] {"", "q=", "q=%20%20", "q=" + "a".repeat(201)}) {
            Response refused = api.get(V1 + "/products/search?" + query);
            assertThat(refused.status()).as(query).isEqualTo(422);
            assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("q");
        }
        assertThat(api.get(V1 + "/products/search?q=x&size=101").status()).isEqualTo(422);
    }

    @Test
    void searchTakesAnyTextLiterally() {
        for (String text : new String[] {
            "'; drop table products; --", "\"unbalanced", "a & b | !c", "(( ))", "<script>", "100%", "-", "ü ö ß 日本"
        }) {
            Response found = api.get(V1 + "/products/search?q=" + q(text));
            assertThat(found.status()).as(text).isEqualTo(200);
        }
        assertThat(api.get(V1 + "/products?author=" + q("' or 1=1 --"))
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
    }

    @Test
    void categoriesAreListedWithTheirSlugs() {
        JsonNode created = api.newCategory("Science Fiction " + word());

        Response categories = api.get(V1 + "/categories");

        assertThat(categories.status()).isEqualTo(200);
        assertThat(categories.json()).contains(created);
        assertThat(created.get("slug").asText())
                .isEqualTo(created.get("name").asText().toLowerCase().replace(' ', '-'));
    }
}
