package dev.bookshop.adapters.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.bookshop.adapters.web.http.WebException;
import dev.bookshop.adapters.web.security.AccessTokens;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.User;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

    static TestApp app;
    static User user;

    @BeforeAll
    static void start() {
        app = TestApp.start();
        user = app.shop.addUser("jwt@example.com", "password1", Role.USER);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static int statusWith(String token) {
        return app.get("/api/v1/users/me", "Authorization", "Bearer " + token).status();
    }

    private static WebSettings.Jwt jwt() {
        return TestApp.settings().jwt();
    }

    @Test
    void aValidTokenOpensTheRoute() {
        String token = new AccessTokens(jwt(), Clock.systemUTC())
                .issue(user.id(), Role.USER)
                .token();

        assertThat(statusWith(token)).isEqualTo(200);
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItExpires() {
        Instant minted = Instant.parse("2026-05-01T10:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(minted);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        AccessTokens tokens = new AccessTokens(jwt(), clock);
        String token = tokens.issue(user.id(), Role.USER).token();

        assertThat(tokens.verify(token).userId()).isEqualTo(user.id());
        now.set(minted.plus(Duration.ofMinutes(15)));
        assertThat(tokens.verify(token).userId())
                .as("within the allowed clock skew")
                .isEqualTo(user.id());
        now.set(minted.plus(Duration.ofMinutes(16)));
        assertThatThrownBy(() -> tokens.verify(token)).isInstanceOf(WebException.class);
    }

    @Test
    void theTokenCarriesTheAgreedClaims() throws Exception {
        String token = new AccessTokens(jwt(), Clock.systemUTC())
                .issue(user.id(), Role.USER)
                .token();

        SignedJWT parsed = SignedJWT.parse(token);
        JWTClaimsSet claims = parsed.getJWTClaimsSet();
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(claims.getSubject()).isEqualTo(user.id().toString());
        assertThat(claims.getStringClaim("role")).isEqualTo("USER");
        assertThat(claims.getIssuer()).isEqualTo("bookshop");
        assertThat(claims.getAudience()).containsExactly("bookshop-api");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":\"" + user.id() + "\",\"role\":\"ADMIN\",\"iss\":\"bookshop\","
                        + "\"aud\":\"bookshop-api\",\"iat\":" + now + ",\"exp\":" + (now + 600) + ",\"jti\":\"x\"}")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(statusWith(header + "." + claims + ".")).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        var forger = new AccessTokens(
                WebSettings.Jwt.withSecret("another-secret-that-is-long-enough-for-hs256"), Clock.systemUTC());

        assertThat(statusWith(forger.issue(user.id(), Role.ADMIN).token())).isEqualTo(401);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        var other = new AccessTokens(
                new WebSettings.Jwt(TestApp.SECRET, "bookshop", "another-api", Duration.ofMinutes(15)),
                Clock.systemUTC());

        assertThat(statusWith(other.issue(user.id(), Role.USER).token())).isEqualTo(401);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        var other = new AccessTokens(
                new WebSettings.Jwt(TestApp.SECRET, "someone-else", "bookshop-api", Duration.ofMinutes(15)),
                Clock.systemUTC());

        assertThat(statusWith(other.issue(user.id(), Role.USER).token())).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Clock anHourAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-1));
        var past = new AccessTokens(jwt(), anHourAgo);

        assertThat(statusWith(past.issue(user.id(), Role.USER).token())).isEqualTo(401);
    }

    @Test
    void aTokenWithAnotherHmacAlgorithmIsRefused() throws Exception {
        byte[] secret = (TestApp.SECRET + TestApp.SECRET).getBytes(StandardCharsets.UTF_8);
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS512),
                new JWTClaimsSet.Builder()
                        .subject(user.id().toString())
                        .claim("role", "USER")
                        .issuer("bookshop")
                        .audience("bookshop-api")
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(600)))
                        .jwtID(UUID.randomUUID().toString())
                        .build());
        jwt.sign(new MACSigner(secret));

        assertThat(statusWith(jwt.serialize())).isEqualTo(401);
    }

    @Test
    void garbageAndOtherSchemesAreRefused() {
        assertThat(statusWith("not.a.jwt")).isEqualTo(401);
        assertThat(statusWith("")).isEqualTo(401);
        assertThat(app.get("/api/v1/users/me", "Authorization", "Basic dXNlcjpwYXNz")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void refusalsAreUnauthenticatedProblems() {
        var response = app.get("/api/v1/users/me", "Authorization", "Bearer nope");

        assertThat(response.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }
}
