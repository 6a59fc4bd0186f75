package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.PASSWORD;
import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.bootstrap.api.Api.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The customer's address book over HTTP on PostgreSQL: every route, every refusal, export and erasure. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddressBookApiTest {

    private static final String BOOK = V1 + "/users/me/addresses";

    static Api api;

    @BeforeAll
    void start() {
        api = Api.start();
    }

    @AfterAll
    void stop() {
        api.close();
    }

    private static Map<String, Object> home() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", " Ann Reader ");
        body.put("line1", "Hauptstraße 1");
        body.put("line2", "Hinterhaus");
        body.put("city", "Berlin");
        body.put("postalCode", "10115");
        body.put("region", "Berlin");
        body.put("country", "de");
        body.put("phone", "+49 30 1234567");
        return body;
    }

    private static Map<String, Object> bare(String name) {
        return Map.of(
                "name", name, "line1", "1 Main Street", "city", "Dublin", "postalCode", "D02 X285", "country", "IE");
    }

    private static JsonNode added(Session who, Map<String, Object> body) {
        Response created = api.post(BOOK, body, who.auth());
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json();
    }

    private static JsonNode bookOf(Session who) {
        Response listed = api.get(BOOK, who.auth());
        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        return listed.json();
    }

    private static List<String> erroredFields(Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    @Test
    void aSavedAddressIsAnsweredWithItsLocationTrimmedAndListedOldestFirst() {
        Session ann = api.newCustomer();

        Response created = api.post(BOOK, home(), ann.auth());
        JsonNode second = added(ann, bare("Ann at work"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode first = created.json();
        assertThat(created.header("Location"))
                .isEqualTo(BOOK + "/" + first.get("id").asText());
        assertThat(first.get("name").asText()).isEqualTo("Ann Reader");
        assertThat(first.get("country").asText()).isEqualTo("DE");
        assertThat(first.get("line2").asText()).isEqualTo("Hinterhaus");
        assertThat(first.get("phone").asText()).isEqualTo("+49 30 1234567");
        assertThat(second.has("line2")).isFalse();
        assertThat(second.has("region")).isFalse();
        assertThat(second.has("phone")).isFalse();
        assertThat(bookOf(ann)).containsExactly(first, second);
        assertThat(bookOf(api.newCustomer())).isEmpty();
    }

    @Test
    void aBrokenAddressIsRefusedNamingEveryFieldAndNothingIsSaved() {
        Session ann = api.newCustomer();
        Map<String, Object> broken = new HashMap<>(home());
        broken.put("name", " ");
        broken.remove("city");
        broken.put("postalCode", "1".repeat(21));
        broken.put("country", "XX");
        broken.put("phone", "call me");

        Response refused = api.post(BOOK, broken, ann.auth());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(erroredFields(refused)).containsExactly("name", "city", "postalCode", "country", "phone");
        assertThat(bookOf(ann)).isEmpty();
    }

    @Test
    void aFieldOfTheWrongJsonTypeIsMalformed() {
        Session ann = api.newCustomer();
        Map<String, Object> wrong = new HashMap<>(home());
        wrong.put("postalCode", 10115);

        Response refused = api.post(BOOK, wrong, ann.auth());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asText()).isEqualTo("MALFORMED_JSON");
        assertThat(api.post(BOOK, "[]", ann.auth()).status()).isEqualTo(400);
        assertThat(bookOf(ann)).isEmpty();
    }

    @Test
    void aPatchChangesTheGivenFieldsKeepsAbsentAndNullOnesAndAnEmptyStringClears() {
        Session ann = api.newCustomer();
        JsonNode saved = added(ann, home());
        String id = saved.get("id").asText();
        Map<String, Object> changes = new HashMap<>();
        changes.put("line1", "Torstraße 9");
        changes.put("city", null);
        changes.put("line2", "");
        changes.put("country", "at");

        Response changed = api.patch(BOOK + "/" + id, changes, ann.auth());

        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        JsonNode after = changed.json();
        assertThat(after.get("id").asText()).isEqualTo(id);
        assertThat(after.get("line1").asText()).isEqualTo("Torstraße 9");
        assertThat(after.get("city").asText()).isEqualTo("Berlin");
        assertThat(after.has("line2")).isFalse();
        assertThat(after.get("country").asText()).isEqualTo("AT");
        assertThat(after.get("phone").asText()).isEqualTo("+49 30 1234567");
        assertThat(bookOf(ann)).containsExactly(after);
    }

    @Test
    void aPatchThatBreaksARuleIsRefusedAndChangesNothing() {
        Session ann = api.newCustomer();
        JsonNode saved = added(ann, home());

        Response refused =
                api.patch(BOOK + "/" + saved.get("id").asText(), Map.of("name", "", "country", "Germany"), ann.auth());

        assertThat(refused.status()).isEqualTo(422);
        assertThat(erroredFields(refused)).containsExactly("name", "country");
        assertThat(bookOf(ann)).containsExactly(saved);
    }

    @Test
    void anotherCustomersAddressAndAnUnknownOneAreNotFoundAlikeAndStayAsTheyWere() {
        Session ann = api.newCustomer();
        Session intruder = api.newCustomer();
        JsonNode anns = added(ann, home());
        String path = BOOK + "/" + anns.get("id").asText();
        String unknown = BOOK + "/" + UUID.randomUUID();

        List<Response> refusals = List.of(
                api.patch(path, Map.of("line1", "Elsewhere 1"), intruder.auth()),
                api.patch(unknown, Map.of("line1", "Elsewhere 1"), intruder.auth()),
                api.delete(path, intruder.auth()),
                api.delete(unknown, intruder.auth()));

        for (Response refused : refusals) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(404);
            assertThat(refused.json().get("code").asText()).isEqualTo("ADDRESS_NOT_FOUND");
        }
        assertThat(bookOf(ann)).containsExactly(anns);
    }

    @Test
    void aDeletedAddressIsGoneAndDeletingItAgainIsNotFound() {
        Session ann = api.newCustomer();
        JsonNode gone = added(ann, home());
        JsonNode kept = added(ann, bare("Kept"));
        String path = BOOK + "/" + gone.get("id").asText();

        assertThat(api.delete(path, ann.auth()).status()).isEqualTo(204);

        assertThat(bookOf(ann)).containsExactly(kept);
        Response again = api.delete(path, ann.auth());
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("code").asText()).isEqualTo("ADDRESS_NOT_FOUND");
    }

    @Test
    void aMalformedIdIsABadRequest() {
        Session ann = api.newCustomer();

        Response patched = api.patch(BOOK + "/not-a-uuid", Map.of("name", "x"), ann.auth());
        Response deleted = api.delete(BOOK + "/not-a-uuid", ann.auth());

        assertThat(patched.status()).isEqualTo(400);
        assertThat(patched.json().get("code").asText()).isEqualTo("MALFORMED_ID");
        assertThat(deleted.json().get("code").asText()).isEqualTo("MALFORMED_ID");
    }

    @Test
    void twentyConcurrentAddsOnTopOfTenLeaveExactlyTwentyAndTheRestAreFull() throws Exception {
        Session ann = api.newCustomer();
        for (int i = 0; i < 10; i++) {
            added(ann, bare("Friend " + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Map<String, Object> body = bare("Racer " + i);
                answers.add(pool.submit(() -> api.post(BOOK, body, ann.auth())));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.status());
                if (response.status() == 409) {
                    assertThat(response.json().get("code").asText()).isEqualTo("ADDRESS_BOOK_FULL");
                    assertThat(response.json().get("limit").asInt()).isEqualTo(20);
                }
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(10);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(bookOf(ann)).hasSize(20);
    }

    @Test
    void aDeactivatedAccountMayReadItsBookButNotChangeIt() {
        Session ann = api.newCustomer();
        JsonNode saved = added(ann, home());
        api.deactivate(ann);

        assertThat(bookOf(ann)).containsExactly(saved);
        for (Response refused : List.of(
                api.post(BOOK, bare("More"), ann.auth()),
                api.patch(BOOK + "/" + saved.get("id").asText(), Map.of("name", "Ann"), ann.auth()),
                api.delete(BOOK + "/" + saved.get("id").asText(), ann.auth()))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("code").asText()).isEqualTo("USER_INACTIVE");
        }
    }

    @Test
    void withoutATokenEveryRouteIsUnauthenticated() {
        String path = BOOK + "/" + UUID.randomUUID();
        for (Response refused : List.of(
                api.get(BOOK), api.post(BOOK, home()), api.patch(path, Map.of("name", "x")), api.delete(path))) {
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void theExportHoldsTheBookAndErasureDeletesIt() {
        Session ann = api.newCustomer();
        JsonNode first = added(ann, home());
        JsonNode second = added(ann, bare("Ann at work"));

        JsonNode export = api.get(V1 + "/users/me/export", ann.auth()).json();
        assertThat(export.get("addresses")).containsExactly(first, second);

        Response erased = api.send("DELETE", V1 + "/users/me", Map.of("password", PASSWORD), ann.auth());
        assertThat(erased.status()).isEqualTo(204);

        assertThat(bookOf(ann)).isEmpty();
    }
}
