package dev.bookshop.bootstrap.config;

import dev.bookshop.adapters.mail.SmtpSettings;
import dev.bookshop.adapters.web.http.TrustedProxies;
import dev.bookshop.application.account.service.AccountSettings;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.domain.common.Quantity;
import dev.bookshop.domain.order.PurchaseLimits;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the operator configures, read from environment variables (and a {@code .env} file), validated before
 * anything starts. Secrets are never echoed in a refusal.
 */
public record Settings(
        int port,
        Optional<String> databaseUrl,
        Optional<String> databaseUser,
        Optional<String> databasePassword,
        int dbPoolSize,
        Path dataDir,
        Persistence persistence,
        Optional<String> jwtSecret,
        int bcryptCost,
        Duration accessTokenTtl,
        Duration refreshTokenTtl,
        Duration sessionMaxAge,
        Duration refreshReuseGrace,
        String paymentProvider,
        boolean allowFakePayments,
        Optional<String> stripeApiKey,
        Optional<String> stripeWebhookSecret,
        Optional<String> stripeApiBase,
        Currency currency,
        Duration orderPaymentTimeout,
        HousekeepingSettings housekeeping,
        Optional<String> smtpHost,
        int smtpPort,
        Optional<String> smtpUser,
        Optional<String> smtpPassword,
        SmtpSettings.Tls smtpTls,
        String mailFrom,
        Optional<String> adminEmail,
        Optional<String> adminPassword,
        boolean seedDemoData,
        List<String> corsOrigins,
        String logFormat,
        Optional<String> metricsToken,
        TrustedProxies trustedProxies,
        Optional<String> redisUrl,
        String redisKeyPrefix,
        RateLimits rateLimits,
        PurchaseLimits purchaseLimits,
        AccountSettings account,
        MailRateLimits mailRateLimits,
        int catalogueWindow,
        Optional<Replica> replica,
        Duration catalogueCacheTtl,
        Duration guestCartTtl) {

    /** The longest a guest cart may be left alone; a token is only worth keeping for so long. */
    public static final Duration MAX_GUEST_CART_TTL = Duration.ofDays(365);

    /** The longest a catalogue page or count may be kept when nothing forgets it sooner. */
    public static final Duration MAX_CATALOGUE_CACHE_TTL = Duration.ofDays(1);

    /**
     * A read replica of the primary for the catalogue's reads ({@code DATABASE_REPLICA_URL}), with the primary's
     * credentials unless it names its own; bypassed while it lags behind the primary by more than {@code maxLag}.
     */
    public record Replica(String url, Optional<String> user, Optional<String> password, Duration maxLag) {

        public static final Duration DEFAULT_MAX_LAG = Duration.ofSeconds(5);

        @Override
        public String toString() {
            return withoutCredentials(url) + " (max lag " + maxLag + ")";
        }
    }

    /** Which persistence adapter the composition root wires. */
    public enum Persistence {
        JOOQ,
        JPA,
        MEMORY
    }

    public static final int MIN_JWT_SECRET_BYTES = 32;

    public static final int MIN_METRICS_TOKEN_BYTES = 16;

    /**
     * The request budgets of the endpoints that guess at credentials, per client address (and per login email), and
     * of checkout and password change per account. The defaults are the web adapter's production budgets; tests that
     * sign many users up from one address raise them.
     */
    public record RateLimits(
            int loginPerMinute,
            int loginPerEmailPerMinute,
            int signupPerHour,
            int refreshPerMinute,
            int checkoutPerMinute,
            int passwordChangePer15Minutes) {

        public static final int MAX = 1_000_000;

        public static RateLimits defaults() {
            return new RateLimits(20, 5, 10, 60, 10, 5);
        }

        static RateLimits from(Environment env) {
            RateLimits defaults = defaults();
            return new RateLimits(
                    env.integer("RATE_LIMIT_LOGIN_PER_MINUTE", defaults.loginPerMinute(), 1, MAX),
                    env.integer("RATE_LIMIT_LOGIN_PER_EMAIL_PER_MINUTE", defaults.loginPerEmailPerMinute(), 1, MAX),
                    env.integer("RATE_LIMIT_SIGNUP_PER_HOUR", defaults.signupPerHour(), 1, MAX),
                    env.integer("RATE_LIMIT_REFRESH_PER_MINUTE", defaults.refreshPerMinute(), 1, MAX),
                    env.integer("RATE_LIMIT_CHECKOUT_PER_MINUTE", defaults.checkoutPerMinute(), 1, MAX),
                    env.integer(
                            "RATE_LIMIT_PASSWORD_CHANGE_PER_15_MINUTES",
                            defaults.passwordChangePer15Minutes(),
                            1,
                            MAX));
        }
    }

    /**
     * The request budgets, per hour, of the endpoints that send account mail: password resets per client address and
     * per address asked for; verification resends and email changes per client address and per account.
     */
    public record MailRateLimits(
            int passwordResetPerHour,
            int passwordResetPerEmailPerHour,
            int accountMailPerHour,
            int accountMailPerAccountPerHour) {

        static MailRateLimits from(Environment env) {
            int max = RateLimits.MAX;
            return new MailRateLimits(
                    env.integer("RATE_LIMIT_PASSWORD_RESET_PER_HOUR", 10, 1, max),
                    env.integer("RATE_LIMIT_PASSWORD_RESET_PER_EMAIL_PER_HOUR", 3, 1, max),
                    env.integer("RATE_LIMIT_ACCOUNT_MAIL_PER_HOUR", 20, 1, max),
                    env.integer("RATE_LIMIT_ACCOUNT_MAIL_PER_ACCOUNT_PER_HOUR", 5, 1, max));
        }
    }

    /** Mailed account links: lifetimes, the pages they open, and whether checkout needs a verified address. */
    static AccountSettings accountSettings(Environment env) {
        Duration resetTtl = env.duration("PASSWORD_RESET_TTL", AccountSettings.DEFAULT_PASSWORD_RESET_TTL);
        Duration verificationTtl =
                env.duration("EMAIL_VERIFICATION_TTL", AccountSettings.DEFAULT_EMAIL_VERIFICATION_TTL);
        String resetUrl = linkTemplate(env, "PASSWORD_RESET_URL", AccountSettings.DEFAULT_PASSWORD_RESET_URL);
        String verificationUrl =
                linkTemplate(env, "EMAIL_VERIFICATION_URL", AccountSettings.DEFAULT_EMAIL_VERIFICATION_URL);
        return new AccountSettings(
                resetTtl, verificationTtl, resetUrl, verificationUrl, env.bool("REQUIRE_VERIFIED_EMAIL", false));
    }

    // Checked here, at start, so a typo stops the server instead of mailing links that lead nowhere.
    private static String linkTemplate(Environment env, String name, String fallback) {
        String template = env.string(name, fallback);
        try {
            new AccountSettings(Duration.ofMinutes(1), Duration.ofMinutes(1), template, template, false);
        } catch (IllegalArgumentException e) {
            throw Environment.invalid(
                    name, template, "an absolute http(s) URL containing " + AccountSettings.PLACEHOLDER);
        }
        return template;
    }

    /** The values of {@code SMTP_TLS} and the policy each stands for. */
    static final Map<String, SmtpSettings.Tls> SMTP_TLS_VALUES = Map.of(
            "starttls", SmtpSettings.Tls.STARTTLS_REQUIRED,
            "starttls-optional", SmtpSettings.Tls.STARTTLS_OPTIONAL,
            "tls", SmtpSettings.Tls.TLS,
            "none", SmtpSettings.Tls.NONE);

    /**
     * {@code SMTP_TLS}: required STARTTLS by default when a password is sent, optional STARTTLS without one (a local
     * relay that offers none keeps working). A password in clear to another host is refused outright; to a relay on
     * this host it is the operator's choice.
     */
    static SmtpSettings.Tls smtpTls(Environment env, Optional<String> smtpHost, Optional<String> smtpUser) {
        String fallback = smtpUser.isPresent() ? "starttls" : "starttls-optional";
        SmtpSettings.Tls tls = SMTP_TLS_VALUES.get(env.oneOf("SMTP_TLS", fallback, SMTP_TLS_VALUES.keySet()));
        if (tls == SmtpSettings.Tls.NONE
                && smtpUser.isPresent()
                && smtpHost.isPresent()
                && !isLoopback(smtpHost.get())) {
            throw new ConfigurationException("SMTP_TLS=none would send SMTP_USER's password in clear to "
                    + smtpHost.get() + ": use SMTP_TLS=starttls or tls (none only for a relay on this host)");
        }
        return tls;
    }

    /** Judged by name, without a DNS lookup at start: a name that resolves to loopback elsewhere does not count. */
    static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost")
                || h.equals("::1")
                || h.equals("[::1]")
                || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /** How much stock one customer may hold without paying. */
    static PurchaseLimits purchaseLimits(Environment env) {
        PurchaseLimits defaults = PurchaseLimits.defaults();
        return new PurchaseLimits(
                env.integer("MAX_LINE_QUANTITY", defaults.maxLineQuantity(), 1, Quantity.MAX),
                env.integer("MAX_ORDER_UNITS", defaults.maxOrderUnits(), 1, 1_000_000),
                env.integer("MAX_PENDING_ORDERS", defaults.maxPendingOrders(), 1, 1_000));
    }

    /**
     * The reverse proxies allowed to name the client in X-Forwarded-For. Trusting too much lets anyone choose their
     * rate-limit budget, so a wrong entry stops the start rather than being skipped.
     */
    static TrustedProxies trustedProxies(Environment env) {
        try {
            return TrustedProxies.parse(env.string("TRUSTED_PROXIES", ""));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR"
                    + " blocks such as 10.0.0.0/8, 2001:db8::/32: " + e.getMessage());
        }
    }

    public static Settings from(Map<String, String> variables) {
        Environment env = new Environment(variables);
        Optional<String> databaseUrl = env.optional("DATABASE_URL");
        if (databaseUrl.isPresent() && !databaseUrl.get().startsWith("jdbc:postgresql:")) {
            throw new ConfigurationException("DATABASE_URL must be a JDBC URL starting with jdbc:postgresql:");
        }
        Optional<String> jwtSecret = env.optional("JWT_SECRET");
        if (jwtSecret.isPresent() && jwtSecret.get().getBytes(StandardCharsets.UTF_8).length < MIN_JWT_SECRET_BYTES) {
            throw new ConfigurationException("JWT_SECRET must be at least " + MIN_JWT_SECRET_BYTES + " bytes long");
        }
        Optional<String> stripeKey = env.optional("STRIPE_API_KEY");
        Optional<String> webhookSecret = env.optional("STRIPE_WEBHOOK_SECRET");
        // Fail closed: a shop given a Stripe key takes money through Stripe unless told otherwise.
        String provider =
                env.oneOf("PAYMENT_PROVIDER", stripeKey.isPresent() ? "stripe" : "fake", Set.of("fake", "stripe"));
        if (provider.equals("stripe") && stripeKey.isEmpty()) {
            throw new ConfigurationException("STRIPE_API_KEY must be set when PAYMENT_PROVIDER is stripe");
        }
        if (provider.equals("stripe") && webhookSecret.isEmpty()) {
            throw new ConfigurationException("STRIPE_WEBHOOK_SECRET must be set when PAYMENT_PROVIDER is stripe");
        }
        boolean allowFakePayments = env.bool("ALLOW_FAKE_PAYMENTS", false);
        if (provider.equals("fake") && databaseUrl.isPresent() && !allowFakePayments) {
            // The fake provider approves every payment without taking money: fine on a laptop's embedded database,
            // a giveaway on a real one.
            throw new ConfigurationException("PAYMENT_PROVIDER is fake (every order is paid without money) while"
                    + " DATABASE_URL is set: use PAYMENT_PROVIDER=stripe, or set ALLOW_FAKE_PAYMENTS=true for a demo"
                    + " or a benchmark");
        }
        Optional<String> metricsToken = env.optional("METRICS_TOKEN");
        if (metricsToken.isPresent()
                && metricsToken.get().getBytes(StandardCharsets.UTF_8).length < MIN_METRICS_TOKEN_BYTES) {
            throw new ConfigurationException(
                    "METRICS_TOKEN must be at least " + MIN_METRICS_TOKEN_BYTES + " bytes long");
        }
        Optional<String> redisUrl = redisUrl(env);
        Optional<String> adminEmail = env.optional("ADMIN_EMAIL");
        Optional<String> adminPassword = env.optional("ADMIN_PASSWORD");
        if (adminEmail.isPresent() != adminPassword.isPresent()) {
            throw new ConfigurationException("ADMIN_EMAIL and ADMIN_PASSWORD must be set together");
        }
        Optional<String> smtpHost = env.optional("SMTP_HOST");
        Optional<String> smtpUser = env.optional("SMTP_USER");
        SmtpSettings.Tls smtpTls = smtpTls(env, smtpHost, smtpUser);
        String currencyCode = env.string("CURRENCY", "EUR");
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Environment.invalid("CURRENCY", currencyCode, "an ISO-4217 currency code such as EUR");
        }
        Persistence persistence = Persistence.valueOf(env.oneOf("PERSISTENCE", "jooq", Set.of("jooq", "jpa", "memory"))
                .toUpperCase(java.util.Locale.ROOT));
        Optional<Replica> replica = replica(env, databaseUrl, persistence);
        return new Settings(
                env.integer("PORT", 8080, 0, 65_535),
                databaseUrl,
                env.optional("DATABASE_USER"),
                env.optional("DATABASE_PASSWORD"),
                env.integer("DB_POOL_SIZE", 10, 1, 200),
                Path.of(env.string("DATA_DIR", "./data")),
                persistence,
                jwtSecret,
                env.integer("BCRYPT_COST", 12, 4, 31),
                env.duration("ACCESS_TOKEN_TTL", Duration.ofMinutes(15)),
                env.duration("REFRESH_TOKEN_TTL", Duration.ofDays(30)),
                env.duration("SESSION_MAX_AGE", ShopSettings.DEFAULT_SESSION_MAX_AGE),
                env.duration("REFRESH_REUSE_GRACE", Duration.ZERO, Duration.ZERO, ShopSettings.MAX_REFRESH_REUSE_GRACE),
                provider,
                allowFakePayments,
                stripeKey,
                webhookSecret,
                env.optional("STRIPE_API_BASE"),
                currency,
                env.duration("ORDER_PAYMENT_TIMEOUT", Duration.ofMinutes(30)),
                HousekeepingSettings.from(env),
                smtpHost,
                // Implicit TLS has its own well-known port; everything else submits on 587.
                env.integer("SMTP_PORT", smtpTls == SmtpSettings.Tls.TLS ? 465 : 587, 1, 65_535),
                smtpUser,
                env.optional("SMTP_PASSWORD"),
                smtpTls,
                env.string("MAIL_FROM", "Bookshop <no-reply@bookshop.local>"),
                adminEmail,
                adminPassword,
                env.bool("SEED_DEMO_DATA", databaseUrl.isEmpty()),
                env.optional("CORS_ORIGINS")
                        .map(v -> Arrays.stream(v.split(","))
                                .map(String::strip)
                                .filter(s -> !s.isEmpty())
                                .toList())
                        .orElse(List.of()),
                env.oneOf("LOG_FORMAT", "text", Set.of("text", "json")),
                metricsToken,
                trustedProxies(env),
                redisUrl,
                env.string("REDIS_KEY_PREFIX", "bookshop:"),
                RateLimits.from(env),
                purchaseLimits(env),
                accountSettings(env),
                MailRateLimits.from(env),
                env.integer(
                        "CATALOGUE_WINDOW",
                        ShopSettings.DEFAULT_CATALOGUE_WINDOW,
                        PageRequest.MAX_SIZE,
                        ShopSettings.DEFAULT_CATALOGUE_WINDOW * 10),
                replica,
                env.duration(
                        "CATALOGUE_CACHE_TTL", Duration.ofSeconds(10), Duration.ofSeconds(1), MAX_CATALOGUE_CACHE_TTL),
                // A shopper who steps away for a coffee keeps their cart; an hour is the least that allows it.
                env.duration(
                        "GUEST_CART_TTL",
                        ShopSettings.DEFAULT_GUEST_CART_TTL,
                        Duration.ofHours(1),
                        MAX_GUEST_CART_TTL));
    }

    /**
     * A replica only beside a primary the operator runs: the embedded database has none, and the memory store has no
     * database at all.
     */
    private static Optional<Replica> replica(Environment env, Optional<String> databaseUrl, Persistence persistence) {
        Optional<String> url = env.optional("DATABASE_REPLICA_URL");
        Duration maxLag = env.duration("REPLICA_MAX_LAG", Replica.DEFAULT_MAX_LAG);
        if (url.isEmpty()) {
            return Optional.empty();
        }
        if (!url.get().startsWith("jdbc:postgresql:")) {
            throw new ConfigurationException("DATABASE_REPLICA_URL must be a JDBC URL starting with jdbc:postgresql:");
        }
        if (databaseUrl.isEmpty() || persistence == Persistence.MEMORY) {
            throw new ConfigurationException("DATABASE_REPLICA_URL needs DATABASE_URL (the primary it replicates) and"
                    + " PERSISTENCE jooq or jpa");
        }
        return Optional.of(new Replica(
                url.get(),
                env.optional("DATABASE_REPLICA_USER").or(() -> env.optional("DATABASE_USER")),
                env.optional("DATABASE_REPLICA_PASSWORD").or(() -> env.optional("DATABASE_PASSWORD")),
                maxLag));
    }

    /**
     * {@code redis://} or {@code rediss://} with a host; a typo found at start beats an instance that silently counts
     * its rate limits alone.
     */
    private static Optional<String> redisUrl(Environment env) {
        Optional<String> url = env.optional("REDIS_URL");
        if (url.isEmpty()) {
            return url;
        }
        String expected = "redis://host[:port][/database] or rediss://…";
        URI uri;
        try {
            uri = new URI(url.get());
        } catch (URISyntaxException e) {
            throw Environment.invalid("REDIS_URL", withoutCredentials(url.get()), expected);
        }
        if (!("redis".equals(uri.getScheme()) || "rediss".equals(uri.getScheme())) || uri.getHost() == null) {
            throw Environment.invalid("REDIS_URL", withoutCredentials(url.get()), expected);
        }
        return url;
    }

    /** The JDBC URL without its query string or user info, either of which may carry a password. */
    static String withoutCredentials(String jdbcUrl) {
        String noQuery = jdbcUrl.split("[?;]", 2)[0];
        return noQuery.replaceFirst("//[^/@]*@", "//");
    }

    /** Redacts the secrets, so a settings dump is safe to log. */
    @Override
    public String toString() {
        return "Settings[port=" + port + ", persistence=" + persistence + ", database="
                + databaseUrl.map(Settings::withoutCredentials).orElse("embedded in " + dataDir) + ", paymentProvider="
                + paymentProvider + ", metrics="
                + (metricsToken.isPresent() ? "bearer token" : "loopback only") + ", trustedProxies="
                + trustedProxies + ", currency="
                + currency + ", smtp="
                + smtpHost.map(h -> h + " (" + smtpTls + ")").orElse("log only") + ", rateLimits="
                + redisUrl.map(url -> "redis " + withoutCredentials(url)).orElse("per process") + ", replica="
                + replica.map(Replica::toString).orElse("none") + "]";
    }
}
