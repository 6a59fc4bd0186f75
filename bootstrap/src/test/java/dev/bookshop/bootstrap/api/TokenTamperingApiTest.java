package dev.bookshop.bootstrap.api;

import static dev.bookshop.bootstrap.api.Api.V1;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.bookshop.bootstrap.TestServer.Response;
import dev.bookshop.bootstrap.api.Api.Session;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Access tokens minted here, by the rules the server uses (HS256 over the configured secret, issuer {@code bookshop},
 * audience {@code bookshop-api}), then broken one way at a time: each broken token is a 401, the unbroken one works.
 */
class TokenTamperingApiTest {

    private static final String SECRET = "the-token-tampering-suite-signing-secret-0123456789";
    private static final String ISSUER = "bookshop";
    private static final String AUDIENCE = "bookshop-api";

    private static Api api;
    private static Session ann;

    @BeforeAll
    static void start() {
        api = Api.start(Map.of("JWT_SECRET", SECRET));
        ann = api.newCustomer();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JWTClaimsSet.Builder claims(String subject, String role) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .claim("role", role)
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String sign(JWTClaimsSet claims, JWSAlgorithm algorithm, String secret) {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String annsToken(UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(change.apply(claims(ann.id(), "USER")).build(), JWSAlgorithm.HS256, SECRET);
    }

    private static Response meWith(String token) {
        return api.get(V1 + "/users/me", "Authorization", "Bearer " + token);
    }

    private static void assertRefused(String token) {
        Response refused = meWith(token);
        assertThat(refused.status()).as("%s", refused).isEqualTo(401);
        assertThat(refused.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void aTokenMintedByTheRulesIsAccepted() {
        Response me = meWith(annsToken(c -> c));

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("id").asText()).isEqualTo(ann.id());
    }

    @Test
    void algNoneIsRefused() {
        assertRefused(new PlainJWT(claims(ann.id(), "USER").build()).serialize());
        // The same, with a signature part left on for parsers that only look at the header.
        String signed = annsToken(c -> c);
        String noneHeader = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        assertRefused(noneHeader + signed.substring(signed.indexOf('.')));
    }

    @Test
    void aForgedSignatureIsRefused() {
        assertRefused(sign(claims(ann.id(), "USER").build(), JWSAlgorithm.HS256, SECRET + "-but-not-quite"));
        String genuine = annsToken(c -> c);
        String[] parts = genuine.split("\\.");
        String otherSignature = annsToken(c -> c.jwtID("another")).split("\\.")[2];
        assertRefused(parts[0] + "." + parts[1] + "." + otherSignature);
    }

    @Test
    void raisingTheRoleInASignedTokenBreaksItsSignature() {
        String genuine = api.logIn(ann.email(), Api.PASSWORD).accessToken();
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(payload.replace("\"USER\"", "\"ADMIN\"").getBytes(StandardCharsets.UTF_8));
        String tampered = parts[0] + "." + promoted + "." + parts[2];

        Response admin = api.get(V1 + "/admin/users", "Authorization", "Bearer " + tampered);

        assertThat(admin.status()).isEqualTo(401);
    }

    @Test
    void theWrongAudienceOrIssuerIsRefused() {
        assertRefused(annsToken(c -> c.audience("another-api")));
        assertRefused(annsToken(c -> c.audience((String) null)));
        assertRefused(annsToken(c -> c.issuer("someone-else")));
        assertRefused(annsToken(c -> c.issuer(null)));
    }

    @Test
    void anExpiredTokenIsRefused() {
        Instant longAgo = Instant.now().minus(Duration.ofHours(2));
        assertRefused(annsToken(
                c -> c.issueTime(Date.from(longAgo)).expirationTime(Date.from(longAgo.plus(Duration.ofMinutes(15))))));
        assertRefused(annsToken(c -> c.expirationTime(null)));
    }

    @Test
    void aTokenFromTheFutureOrWithoutAnIdIsRefused() {
        assertRefused(annsToken(c -> c.issueTime(Date.from(Instant.now().plus(Duration.ofHours(1))))));
        assertRefused(annsToken(c -> c.jwtID(null)));
    }

    @Test
    void aTokenNamingNoUserOrNoRoleIsRefused() {
        assertRefused(annsToken(c -> c.subject("not-a-uuid")));
        assertRefused(annsToken(c -> c.subject(null)));
        assertRefused(annsToken(c -> c.claim("role", "SUPERUSER")));
        assertRefused(annsToken(c -> c.claim("role", null)));
    }

    @Test
    void garbageAndOtherSchemesAreRefused() {
        assertRefused("not.a.jwt");
        assertRefused("x");
        for (String header :
                new String[] {"Basic dXNlcjpwYXNz", "Bearer", "Token " + ann.accessToken(), ann.accessToken()}) {
            Response refused = api.get(V1 + "/users/me", "Authorization", header);
            assertThat(refused.status()).as(header).isEqualTo(401);
        }
        assertThat(api.get(V1 + "/users/me").status()).isEqualTo(401);
    }

    @Test
    void aValidTokenOfAnUnknownUserOpensNoAccount() {
        Response me = meWith(sign(claims(UUID.randomUUID().toString(), "USER").build(), JWSAlgorithm.HS256, SECRET));

        assertThat(me.status()).isEqualTo(404);
        assertThat(me.json().get("code").asText()).isEqualTo("USER_NOT_FOUND");
        Response add = api.post(
                V1 + "/cart/add",
                Map.of("productId", UUID.randomUUID().toString()),
                "Authorization",
                "Bearer " + sign(claims(UUID.randomUUID().toString(), "USER").build(), JWSAlgorithm.HS256, SECRET));
        assertThat(add.status()).isEqualTo(403);
    }
}
