package dev.bookshop.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The judge the API tests rely on does judge: answers that break the document in each way it can be broken are
 * caught, and a conforming answer passes. Without this, a validator that accepted everything would pass every test.
 */
class OpenApiContractApiTest {

    private static final OpenApiContract CONTRACT = OpenApiContract.instance();
    private static final String USER = """
            {"id":"6f1c2a4e-9d1b-4c55-8a1e-2b7d9c3f4a10","email":"ann@example.com","role":"USER","active":true,
             "createdAt":"2026-11-21T10:15:30.123456Z","emailVerified":true}""";

    private static HttpHeaders headers(String contentType) {
        return HttpHeaders.of(Map.of("Content-Type", List.of(contentType)), (a, b) -> true);
    }

    private static List<String> judge(String method, String path, int status, String contentType, String body) {
        return CONTRACT.violations(method, path, status, headers(contentType), body);
    }

    @Test
    void aConformingAnswerPasses() {
        assertThat(judge("GET", "/api/v1/users/me", 200, "application/json", USER))
                .isEmpty();
        assertThat(judge("POST", "/api/v1/auth/logout", 204, "text/plain", "")).isEmpty();
    }

    @Test
    void aStatusTheOperationDoesNotListFails() {
        assertThat(judge("GET", "/api/v1/users/me", 409, "application/problem+json", problem(409, "EMAIL_TAKEN")))
                .singleElement()
                .asString()
                .contains("documents no 409");
    }

    @Test
    void aMissingRequiredFieldFails() {
        String noEmail = USER.replace("\"email\":\"ann@example.com\",", "");
        assertThat(judge("GET", "/api/v1/users/me", 200, "application/json", noEmail))
                .anySatisfy(p -> assertThat(p).contains("email"));
    }

    @Test
    void aWrongTypeOrEnumOrFormatFails() {
        assertThat(judge("GET", "/api/v1/users/me", 200, "application/json", USER.replace("true", "\"yes\"")))
                .isNotEmpty();
        assertThat(judge("GET", "/api/v1/users/me", 200, "application/json", USER.replace("USER", "ROOT")))
                .isNotEmpty();
        assertThat(judge("GET", "/api/v1/users/me", 200, "application/json", USER.replace("2026-11-21T", "yesterday ")))
                .isNotEmpty();
        assertThat(judge("GET", "/api/v1/users/me", 200, "application/json", USER.replace("6f1c2a4e-", "x")))
                .isNotEmpty();
        assertThat(judge("GET", "/api/v1/users/me", 200, "application/json", USER.replace("ann@example.com", "ann")))
                .isNotEmpty();
        assertThat(judge(
                        "GET",
                        "/api/v1/users/me",
                        200,
                        "application/json",
                        USER.replace("ann@example.com", "ann@bookshop.test")))
                .as("reserved test domains are addresses too")
                .isEmpty();
    }

    @Test
    void anUndeclaredPropertyFails() {
        String leaky = USER.replace("\"role\"", "\"passwordHash\":\"$2a$12$abc\",\"role\"");
        assertThat(judge("GET", "/api/v1/users/me", 200, "application/json", leaky))
                .singleElement()
                .asString()
                .contains("passwordHash");
    }

    @Test
    void theWrongContentTypeFails() {
        assertThat(judge("GET", "/api/v1/users/me", 200, "application/problem+json", USER))
                .isNotEmpty();
        assertThat(judge("GET", "/api/v1/users/me", 401, "application/json", problem(401, "UNAUTHENTICATED")))
                .isNotEmpty();
    }

    @Test
    void aBodyWhereNoneIsDocumentedFails() {
        assertThat(judge("POST", "/api/v1/auth/logout", 204, "application/json", "{}"))
                .isNotEmpty();
    }

    @Test
    void problemDocumentsAreHeldToTheProblemSchema() {
        assertThat(judge("GET", "/api/v1/users/me", 401, "application/problem+json", problem(401, "UNAUTHENTICATED")))
                .isEmpty();
        assertThat(judge("GET", "/api/v1/users/me", 401, "application/problem+json", problem(401, "NO_SUCH_CODE")))
                .isNotEmpty();
        assertThat(judge("GET", "/api/v1/users/me", 401, "application/problem+json", "{\"title\":\"x\"}"))
                .isNotEmpty();
    }

    @Test
    void literalPathsWinOverParametersAndUndocumentedPathsMustBe404Or405() {
        assertThat(CONTRACT.templateOf("GET", "/api/v1/products/search")).contains("/api/v1/products/search");
        assertThat(CONTRACT.templateOf("GET", "/api/v1/products/the-hobbit")).contains("/api/v1/products/{idOrSlug}");
        assertThat(CONTRACT.templateOf("GET", "/api/v1/orders/me")).contains("/api/v1/orders/me");

        assertThat(judge("GET", "/api/v1/nothing-here", 404, "application/problem+json", problem(404, "NOT_FOUND")))
                .isEmpty();
        assertThat(judge("GET", "/api/v1/nothing-here", 200, "application/json", "{}"))
                .isNotEmpty();
        assertThat(judge("PUT", "/api/v1/cart", 405, "application/problem+json", problem(405, "METHOD_NOT_ALLOWED")))
                .isEmpty();
        assertThat(judge("PUT", "/api/v1/cart", 404, "application/problem+json", problem(404, "NOT_FOUND")))
                .isNotEmpty();
    }

    @Test
    void documentedHeadersAreChecked() {
        HttpHeaders badRetry = HttpHeaders.of(
                Map.of("Content-Type", List.of("application/problem+json"), "Retry-After", List.of("soon")),
                (a, b) -> true);
        assertThat(CONTRACT.violations("POST", "/api/v1/auth/login", 429, badRetry, problem(429, "RATE_LIMITED")))
                .singleElement()
                .asString()
                .contains("Retry-After");
    }

    private static String problem(int status, String code) {
        return """
                {"type":"urn:bookshop:problem:x","title":"X","status":%d,"detail":"d","instance":"/p","code":"%s"}""".formatted(status, code);
    }
}
