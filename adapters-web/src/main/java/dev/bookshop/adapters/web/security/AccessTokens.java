package dev.bookshop.adapters.web.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.bookshop.adapters.web.WebSettings;
import dev.bookshop.adapters.web.http.WebException;
import dev.bookshop.domain.auth.TokenFamilyId;
import dev.bookshop.domain.user.Role;
import dev.bookshop.domain.user.UserId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Mints and verifies the short-lived access tokens: HS256 JWTs with sub, role, iss, aud, iat, exp and jti, and
 * {@code sid}, the session (refresh-token family) they were minted for. The algorithm is pinned, so {@code alg: none}
 * and every other algorithm are refused before any signature check. A token without {@code sid} (minted before it
 * existed) is still accepted: it just marks no session as the caller's own.
 */
public final class AccessTokens {

    /** Tolerated disagreement between clocks of the instances that mint and check tokens. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    private static final JWSAlgorithm PINNED = JWSAlgorithm.HS256;

    private static final String SESSION_CLAIM = "sid";

    private final WebSettings.Jwt settings;
    private final Clock clock;
    private final MACSigner signer;
    private final MACVerifier verifier;

    /**
     * Tokens that passed every check, with what they said: a client sends the same token with every request for its
     * whole life, and parsing and checking its signature again each time was a tenth of an add-to-cart's CPU. Only
     * the expiry is checked again; whether the account may still act is the use cases' question, asked every time.
     */
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5))
            .build();

    private record Verified(Caller caller, Instant expires) {}

    public AccessTokens(WebSettings.Jwt settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings);
        this.clock = Objects.requireNonNull(clock);
        try {
            this.signer = new MACSigner(settings.secretBytes());
            this.verifier = new MACVerifier(settings.secretBytes());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("unusable JWT secret", e);
        }
    }

    /** A signed token and how many seconds it lives. */
    public record Issued(String token, long expiresInSeconds) {}

    public Issued issue(UserId userId, Role role) {
        return issue(userId, role, null);
    }

    /** A token for the session {@code sessionId} (may be {@code null}: the token then names none). */
    public Issued issue(UserId userId, Role role, TokenFamilyId sessionId) {
        Instant now = clock.instant();
        Instant expires = now.plus(settings.accessTokenTtl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(userId.toString())
                .claim("role", role.name())
                .claim(SESSION_CLAIM, sessionId == null ? null : sessionId.toString())
                .issuer(settings.issuer())
                .audience(settings.audience())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(PINNED).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
        return new Issued(jwt.serialize(), settings.accessTokenTtl().toSeconds());
    }

    /** The caller a valid token names; any flaw in the token is a 401 that does not say which. */
    public Caller verify(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null && isLive(known.expires())) {
            return known.caller();
        }
        Verified checked = check(token);
        verified.put(token, checked);
        return checked.caller();
    }

    private boolean isLive(Instant expires) {
        return clock.instant().minus(CLOCK_SKEW).isBefore(expires);
    }

    private Verified check(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!PINNED.equals(jwt.getHeader().getAlgorithm())) {
                throw invalid();
            }
            if (!jwt.verify(verifier)) {
                throw invalid();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Instant now = clock.instant();
            if (!settings.issuer().equals(claims.getIssuer())) {
                throw invalid();
            }
            List<String> audience = claims.getAudience();
            if (audience == null || !audience.contains(settings.audience())) {
                throw invalid();
            }
            Date expires = claims.getExpirationTime();
            if (expires == null || !isLive(expires.toInstant())) {
                throw invalid();
            }
            Date issued = claims.getIssueTime();
            if (issued == null || issued.toInstant().isAfter(now.plus(CLOCK_SKEW))) {
                throw invalid();
            }
            if (claims.getJWTID() == null) {
                throw invalid();
            }
            UserId userId = UserId.of(UUID.fromString(claims.getSubject()));
            Role role = Role.valueOf(claims.getStringClaim("role"));
            String sid = claims.getStringClaim(SESSION_CLAIM);
            TokenFamilyId sessionId = sid == null ? null : TokenFamilyId.of(UUID.fromString(sid));
            return new Verified(new Caller(userId, role, sessionId), expires.toInstant());
        } catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException e) {
            throw invalid();
        }
    }

    private static WebException invalid() {
        return WebException.unauthenticated("The access token is invalid or expired.");
    }
}
