package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bookshop.bootstrap.TestServer.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Shipping methods and VAT rates over HTTP: the admin's routes, the public list for a country, every refusal. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippingApiTest {

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

    private static String[] admin() {
        return api.admin().auth();
    }

    private static Response create(Map<String, Object> fields) {
        return api.post(V1 + "/admin/shipping-methods", fields, admin());
    }

    private static JsonNode created(String name, long priceCents, List<String> countries) {
        Response answer = create(Map.of("name", name, "countries", countries, "priceCents", priceCents));
        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        return answer.json();
    }

    private static Response patch(String id, Object changes) {
        return api.patch(V1 + "/admin/shipping-methods/" + id, changes, admin());
    }

    private static List<String> ids(Response list) {
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    // ---- shipping methods ----

    @Test
    void anAdminCreatesAMethodWithEveryField() {
        String name = Api.unique("Standard");

        Response answer = create(
                Map.of("name", name, "countries", List.of("de", "AT"), "priceCents", 490, "freeOverCents", 5000));

        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        JsonNode method = answer.json();
        assertThat(method.get("name").asText()).isEqualTo(name);
        assertThat(List.of(
                        method.get("countries").get(0).asText(),
                        method.get("countries").get(1).asText()))
                .containsExactly("AT", "DE");
        assertThat(method.get("priceCents").asLong()).isEqualTo(490);
        assertThat(method.get("freeOverCents").asLong()).isEqualTo(5000);
        assertThat(method.get("active").asBoolean()).isTrue();
        assertThat(ids(api.get(V1 + "/admin/shipping-methods", admin())))
                .contains(method.get("id").asText());
    }

    @Test
    void customersSeeTheActiveMethodsForTheirCountryCheapestFirst() {
        JsonNode express = created(Api.unique("Express"), 1290, List.of("LU", "BE"));
        JsonNode standard = created(Api.unique("Standard"), 490, List.of("LU"));
        JsonNode retired = created(Api.unique("Retired"), 100, List.of("LU"));
        assertThat(patch(retired.get("id").asText(), Map.of("active", false)).status())
                .isEqualTo(200);

        Response forLuxembourg = api.get(V1 + "/shipping-methods?country=lu");

        List<String> offered = ids(forLuxembourg);
        assertThat(offered).doesNotContain(retired.get("id").asText());
        assertThat(offered)
                .containsSubsequence(
                        standard.get("id").asText(), express.get("id").asText());
        JsonNode first =
                forLuxembourg.json().get(offered.indexOf(standard.get("id").asText()));
        assertThat(first.has("active")).isFalse();
        assertThat(first.has("freeOverCents")).isFalse();
        assertThat(first.get("countries").get(0).asText()).isEqualTo("LU");
        assertThat(ids(api.get(V1 + "/shipping-methods?country=BE")))
                .contains(express.get("id").asText());
    }

    @Test
    void theCountryOfThePublicListIsRequiredAndMustBeIso() {
        assertThat(AuthApiTest.fields(api.get(V1 + "/shipping-methods"))).containsExactly("country");
        assertThat(AuthApiTest.fields(api.get(V1 + "/shipping-methods?country=XX")))
                .containsExactly("country");
        assertThat(AuthApiTest.fields(api.get(V1 + "/shipping-methods?country=DEU")))
                .containsExactly("country");
        assertThat(ids(api.get(V1 + "/shipping-methods?country=AQ"))).isEmpty();
    }

    @Test
    void anAdminChangesSomeFieldsAndNullClearsTheThreshold() {
        JsonNode method = created(Api.unique("Standard"), 490, List.of("DE"));
        String id = method.get("id").asText();
        assertThat(patch(id, Map.of("freeOverCents", 5000))
                        .json()
                        .get("freeOverCents")
                        .asLong())
                .isEqualTo(5000);
        Map<String, Object> changes = new HashMap<>();
        changes.put("freeOverCents", null);
        changes.put("countries", List.of("FR", "NL"));
        changes.put("name", "  Standard EU ");

        Response answer = patch(id, changes);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        JsonNode changed = answer.json();
        assertThat(changed.get("name").asText()).isEqualTo("Standard EU");
        assertThat(changed.has("freeOverCents")).isFalse();
        assertThat(changed.get("priceCents").asLong()).isEqualTo(490);
        assertThat(changed.get("countries").toString()).isEqualTo("[\"FR\",\"NL\"]");
        assertThat(changed.get("active").asBoolean()).isTrue();
    }

    @Test
    void aMethodBreakingRulesIs422NamingEveryField() {
        assertThat(AuthApiTest.fields(create(Map.of()))).containsExactlyInAnyOrder("name", "countries", "priceCents");
        assertThat(AuthApiTest.fields(
                        create(Map.of("name", "x".repeat(101), "countries", List.of(), "priceCents", -1))))
                .containsExactlyInAnyOrder("name", "countries", "priceCents");
        assertThat(AuthApiTest.fields(
                        create(Map.of("name", "Standard", "countries", List.of("DE", "ZZ"), "priceCents", 1))))
                .containsExactly("countries");
        assertThat(AuthApiTest.fields(create(
                        Map.of("name", "Standard", "countries", List.of("DE"), "priceCents", 1, "freeOverCents", -1))))
                .containsExactly("freeOverCents");
        assertThat(AuthApiTest.fields(
                        create(Map.of("name", "Standard", "countries", List.of("DE"), "priceCents", 100_000_000))))
                .containsExactly("priceCents");
        assertThat(create(Map.of("name", "Standard", "countries", "DE", "priceCents", 1))
                        .status())
                .isEqualTo(400);
        assertThat(create(Map.of("name", "Standard", "countries", List.of("DE"), "priceCents", "1"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aChangeBreakingRulesIs422AndWritesNothing() {
        JsonNode method = created(Api.unique("Standard"), 490, List.of("DE"));
        String id = method.get("id").asText();

        assertThat(AuthApiTest.fields(patch(id, Map.of("countries", List.of()))))
                .containsExactly("countries");
        assertThat(AuthApiTest.fields(patch(id, Map.of("countries", List.of("Germany")))))
                .containsExactly("countries");
        assertThat(AuthApiTest.fields(patch(id, Map.of("priceCents", -1)))).containsExactly("priceCents");
        assertThat(AuthApiTest.fields(patch(id, Map.of("name", "x".repeat(101)))))
                .containsExactly("name");

        JsonNode stored = null;
        for (JsonNode m : api.get(V1 + "/admin/shipping-methods", admin()).json()) {
            if (m.get("id").asText().equals(id)) {
                stored = m;
            }
        }
        assertThat(stored).isEqualTo(method);
    }

    @Test
    void changingAnUnknownMethodIs404AndAMalformedIdIs400() {
        Response unknown = patch(UUID.randomUUID().toString(), Map.of("active", false));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("SHIPPING_METHOD_NOT_FOUND");

        assertThat(patch("not-a-uuid", Map.of("active", false)).status()).isEqualTo(400);
    }

    // ---- tax rates ----

    @Test
    void anAdminSetsAndReplacesRatesListedByCountry() {
        assertThat(api.send("PUT", V1 + "/admin/tax-rates/pt", Map.of("rateBasisPoints", 2300), admin())
                        .status())
                .isEqualTo(200);
        Response replaced = api.send("PUT", V1 + "/admin/tax-rates/PT", Map.of("rateBasisPoints", 600), admin());
        api.send("PUT", V1 + "/admin/tax-rates/FI", Map.of("rateBasisPoints", 1000), admin());

        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        assertThat(replaced.json().get("country").asText()).isEqualTo("PT");
        assertThat(replaced.json().get("rateBasisPoints").asInt()).isEqualTo(600);
        JsonNode rates = api.get(V1 + "/admin/tax-rates", admin()).json();
        List<String> countries = rates.findValuesAsText("country");
        assertThat(countries).isSorted().contains("FI", "PT");
        assertThat(rates.get(countries.indexOf("PT")).get("rateBasisPoints").asInt())
                .isEqualTo(600);
    }

    @Test
    void aRateOutOfRangeOrForNoCountryIs422() {
        assertThat(AuthApiTest.fields(
                        api.send("PUT", V1 + "/admin/tax-rates/DE", Map.of("rateBasisPoints", 10_001), admin())))
                .containsExactly("rateBasisPoints");
        assertThat(AuthApiTest.fields(
                        api.send("PUT", V1 + "/admin/tax-rates/DE", Map.of("rateBasisPoints", -1), admin())))
                .containsExactly("rateBasisPoints");
        assertThat(AuthApiTest.fields(api.send("PUT", V1 + "/admin/tax-rates/DE", Map.of(), admin())))
                .containsExactly("rateBasisPoints");
        assertThat(AuthApiTest.fields(
                        api.send("PUT", V1 + "/admin/tax-rates/XX", Map.of("rateBasisPoints", 700), admin())))
                .containsExactly("country");
        assertThat(AuthApiTest.fields(
                        api.send("PUT", V1 + "/admin/tax-rates/GERMANY", Map.of("rateBasisPoints", 700), admin())))
                .containsExactly("country");
        assertThat(api.send("PUT", V1 + "/admin/tax-rates/DE", Map.of("rateBasisPoints", "7%"), admin())
                        .status())
                .isEqualTo(400);
    }
}
