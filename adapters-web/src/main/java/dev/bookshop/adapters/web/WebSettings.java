package dev.bookshop.adapters.web;

import dev.bookshop.adapters.web.http.TrustedProxies;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the operator decides about the HTTP adapter: token signing, allowed browser origins, the currency shown in
 * views, the body size limit, rate limits, the token a metrics scraper must send (empty: loopback clients only) and
 * the reverse proxies trusted to name the client.
 */
public record WebSettings(
        Jwt jwt,
        List<String> corsOrigins,
        Currency currency,
        long maxBodyBytes,
        RateLimits rateLimits,
        Optional<String> metricsToken,
        TrustedProxies trustedProxies) {

    public static final long ONE_MIB = 1024L * 1024L;

    public WebSettings {
        Objects.requireNonNull(jwt, "jwt");
        corsOrigins = List.copyOf(corsOrigins);
        Objects.requireNonNull(currency, "currency");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("max body size must be positive");
        }
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(metricsToken, "metricsToken");
        Objects.requireNonNull(trustedProxies, "trustedProxies");
    }

    /**
     * Production defaults around a signing secret: no CORS, EUR, 1 MiB bodies, default limits, metrics for loopback
     * clients only, no trusted proxy.
     */
    public static WebSettings defaults(String jwtSecret) {
        return new WebSettings(
                Jwt.withSecret(jwtSecret),
                List.of(),
                Currency.getInstance("EUR"),
                ONE_MIB,
                RateLimits.defaults(),
                Optional.empty(),
                TrustedProxies.none());
    }

    public WebSettings withCorsOrigins(List<String> origins) {
        return new WebSettings(jwt, origins, currency, maxBodyBytes, rateLimits, metricsToken, trustedProxies);
    }

    public WebSettings withRateLimits(RateLimits limits) {
        return new WebSettings(jwt, corsOrigins, currency, maxBodyBytes, limits, metricsToken, trustedProxies);
    }

    public WebSettings withCurrency(Currency newCurrency) {
        return new WebSettings(jwt, corsOrigins, newCurrency, maxBodyBytes, rateLimits, metricsToken, trustedProxies);
    }

    /** Scrapers must send {@code token} as a bearer token; empty: only loopback clients may scrape. */
    public WebSettings withMetricsToken(Optional<String> token) {
        return new WebSettings(jwt, corsOrigins, currency, maxBodyBytes, rateLimits, token, trustedProxies);
    }

    /** The reverse proxies whose {@code X-Forwarded-For} names the client; none: every peer is the client. */
    public WebSettings withTrustedProxies(TrustedProxies proxies) {
        return new WebSettings(jwt, corsOrigins, currency, maxBodyBytes, rateLimits, metricsToken, proxies);
    }

    public WebSettings withJwt(Jwt newJwt) {
        return new WebSettings(newJwt, corsOrigins, currency, maxBodyBytes, rateLimits, metricsToken, trustedProxies);
    }

    /** Never shows the metrics token (the JWT secret redacts itself). */
    @Override
    public String toString() {
        return "WebSettings[jwt=" + jwt + ", corsOrigins=" + corsOrigins + ", currency=" + currency + ", maxBodyBytes="
                + maxBodyBytes + ", rateLimits=" + rateLimits + ", metricsToken="
                + (metricsToken.isPresent() ? "***" : "none") + ", trustedProxies=" + trustedProxies + "]";
    }

    /**
     * How access tokens are signed (HS256) and what they must say. The secret must be at least 32 bytes: HS256 is
     * only as strong as its key.
     */
    public record Jwt(String secret, String issuer, String audience, Duration accessTokenTtl) {

        public static final int MIN_SECRET_BYTES = 32;

        public Jwt {
            Objects.requireNonNull(secret, "secret");
            if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
                throw new IllegalArgumentException("the JWT secret must be at least " + MIN_SECRET_BYTES + " bytes");
            }
            requireText(issuer, "issuer");
            requireText(audience, "audience");
            Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
            if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
                throw new IllegalArgumentException("the access token lifetime must be positive");
            }
        }

        public static Jwt withSecret(String secret) {
            return new Jwt(secret, "bookshop", "bookshop-api", Duration.ofMinutes(15));
        }

        public byte[] secretBytes() {
            return secret.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "Jwt[issuer=" + issuer + ", audience=" + audience + ", ttl=" + accessTokenTtl + ", secret=***]";
        }

        private static void requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the JWT " + what + " must not be blank");
            }
        }
    }

    /**
     * The request budgets of the endpoints that guess at credentials, per client address and per login email, and of
     * the account actions that cost the shop (checkout holds stock and calls the payment provider; a password change
     * checks a guess at the current password), per account; and of the actions that send mail (password resets, per
     * client address and per address asked for; verification resends and email changes, per client address and per
     * account), so nobody can use the shop to flood an inbox.
     */
    public record RateLimits(
            RateLimit loginPerAddress,
            RateLimit loginPerEmail,
            RateLimit signupPerAddress,
            RateLimit refreshPerAddress,
            RateLimit checkoutPerAccount,
            RateLimit passwordChangePerAccount,
            RateLimit passwordResetPerAddress,
            RateLimit passwordResetPerEmail,
            RateLimit accountMailPerAddress,
            RateLimit accountMailPerAccount) {

        public static final RateLimit DEFAULT_PASSWORD_RESET_PER_ADDRESS = new RateLimit(10, Duration.ofHours(1));
        public static final RateLimit DEFAULT_PASSWORD_RESET_PER_EMAIL = new RateLimit(3, Duration.ofHours(1));
        public static final RateLimit DEFAULT_ACCOUNT_MAIL_PER_ADDRESS = new RateLimit(20, Duration.ofHours(1));
        public static final RateLimit DEFAULT_ACCOUNT_MAIL_PER_ACCOUNT = new RateLimit(5, Duration.ofHours(1));

        public RateLimits {
            Objects.requireNonNull(loginPerAddress);
            Objects.requireNonNull(loginPerEmail);
            Objects.requireNonNull(signupPerAddress);
            Objects.requireNonNull(refreshPerAddress);
            Objects.requireNonNull(checkoutPerAccount);
            Objects.requireNonNull(passwordChangePerAccount);
            Objects.requireNonNull(passwordResetPerAddress);
            Objects.requireNonNull(passwordResetPerEmail);
            Objects.requireNonNull(accountMailPerAddress);
            Objects.requireNonNull(accountMailPerAccount);
        }

        /** The given budgets, and the default ones for the actions that send mail. */
        public RateLimits(
                RateLimit loginPerAddress,
                RateLimit loginPerEmail,
                RateLimit signupPerAddress,
                RateLimit refreshPerAddress,
                RateLimit checkoutPerAccount,
                RateLimit passwordChangePerAccount) {
            this(
                    loginPerAddress,
                    loginPerEmail,
                    signupPerAddress,
                    refreshPerAddress,
                    checkoutPerAccount,
                    passwordChangePerAccount,
                    DEFAULT_PASSWORD_RESET_PER_ADDRESS,
                    DEFAULT_PASSWORD_RESET_PER_EMAIL,
                    DEFAULT_ACCOUNT_MAIL_PER_ADDRESS,
                    DEFAULT_ACCOUNT_MAIL_PER_ACCOUNT);
        }

        public static RateLimits defaults() {
            return new RateLimits(
                    new RateLimit(20, Duration.ofMinutes(1)),
                    new RateLimit(5, Duration.ofMinutes(1)),
                    new RateLimit(10, Duration.ofHours(1)),
                    new RateLimit(60, Duration.ofMinutes(1)),
                    new RateLimit(10, Duration.ofMinutes(1)),
                    new RateLimit(5, Duration.ofMinutes(15)));
        }

        public RateLimits withAccountMail(
                RateLimit resetPerAddress,
                RateLimit resetPerEmail,
                RateLimit mailPerAddress,
                RateLimit mailPerAccount) {
            return new RateLimits(
                    loginPerAddress,
                    loginPerEmail,
                    signupPerAddress,
                    refreshPerAddress,
                    checkoutPerAccount,
                    passwordChangePerAccount,
                    resetPerAddress,
                    resetPerEmail,
                    mailPerAddress,
                    mailPerAccount);
        }
    }

    /** At most {@code capacity} requests per {@code period}, refilled smoothly. */
    public record RateLimit(long capacity, Duration period) {
        public RateLimit {
            if (capacity < 1) {
                throw new IllegalArgumentException("a rate limit allows at least one request");
            }
            Objects.requireNonNull(period);
            if (period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a rate limit period must be positive");
            }
        }
    }
}
