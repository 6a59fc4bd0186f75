package dev.bookshop.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.adapters.web.WebSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingsTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void defaultsStartADevelopmentShopOnTheEmbeddedDatabase() {
        Settings settings = Settings.from(Map.of());

        assertThat(settings.port()).isEqualTo(8080);
        assertThat(settings.databaseUrl()).isEmpty();
        assertThat(settings.persistence()).isEqualTo(Settings.Persistence.JOOQ);
        assertThat(settings.paymentProvider()).isEqualTo("fake");
        assertThat(settings.bcryptCost()).isEqualTo(12);
        assertThat(settings.accessTokenTtl()).isEqualTo(Duration.ofMinutes(15));
        assertThat(settings.refreshTokenTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(settings.sessionMaxAge()).isEqualTo(Duration.ofDays(90));
        assertThat(settings.refreshReuseGrace()).as("off").isZero();
        assertThat(settings.orderPaymentTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(settings.seedDemoData()).isTrue();
        assertThat(settings.corsOrigins()).isEmpty();
    }

    @Test
    void readsEveryVariable() {
        Settings settings = Settings.from(Map.ofEntries(
                Map.entry("PORT", "9090"),
                Map.entry("DATABASE_URL", "jdbc:postgresql://db:5432/shop"),
                Map.entry("ALLOW_FAKE_PAYMENTS", "true"),
                Map.entry("PERSISTENCE", "memory"),
                Map.entry("JWT_SECRET", "0123456789abcdef0123456789abcdef"),
                Map.entry("BCRYPT_COST", "4"),
                Map.entry("ACCESS_TOKEN_TTL", "PT5M"),
                Map.entry("SESSION_MAX_AGE", "P14D"),
                Map.entry("REFRESH_REUSE_GRACE", "PT10S"),
                Map.entry("CURRENCY", "usd"),
                Map.entry("CORS_ORIGINS", "https://a.example, https://b.example"),
                Map.entry("SEED_DEMO_DATA", "false"),
                Map.entry("LOG_FORMAT", "json")));

        assertThat(settings.port()).isEqualTo(9090);
        assertThat(settings.persistence()).isEqualTo(Settings.Persistence.MEMORY);
        assertThat(settings.bcryptCost()).isEqualTo(4);
        assertThat(settings.accessTokenTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.sessionMaxAge()).isEqualTo(Duration.ofDays(14));
        assertThat(settings.refreshReuseGrace()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(settings.corsOrigins()).containsExactly("https://a.example", "https://b.example");
        assertThat(settings.seedDemoData()).isFalse();
        assertThat(settings.logFormat()).isEqualTo("json");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "PORT|eighty|PORT must be an integer from 0 to 65535, got 'eighty'",
                "PORT|70000|PORT must be an integer from 0 to 65535, got '70000'",
                "PERSISTENCE|mongo|PERSISTENCE must be one of jooq, jpa, memory, got 'mongo'",
                "ACCESS_TOKEN_TTL|15 minutes|ACCESS_TOKEN_TTL must be a positive ISO-8601 duration such as PT15M or P30D, got '15 minutes'",
                "SESSION_MAX_AGE|PT0S|SESSION_MAX_AGE must be a positive ISO-8601 duration such as PT15M or P30D, got 'PT0S'",
                "SESSION_MAX_AGE|90 days|SESSION_MAX_AGE must be a positive ISO-8601 duration such as PT15M or P30D, got '90 days'",
                "REFRESH_REUSE_GRACE|-PT1S|REFRESH_REUSE_GRACE must be an ISO-8601 duration from PT0S to PT1M, got '-PT1S'",
                "REFRESH_REUSE_GRACE|PT2M|REFRESH_REUSE_GRACE must be an ISO-8601 duration from PT0S to PT1M, got 'PT2M'",
                "REFRESH_REUSE_GRACE|10s|REFRESH_REUSE_GRACE must be an ISO-8601 duration from PT0S to PT1M, got '10s'",
                "BCRYPT_COST|3|BCRYPT_COST must be an integer from 4 to 31, got '3'",
                "CURRENCY|EURO|CURRENCY must be an ISO-4217 currency code such as EUR, got 'EURO'",
                "SEED_DEMO_DATA|maybe|SEED_DEMO_DATA must be true or false, got 'maybe'",
                "DATABASE_URL|postgres://x|DATABASE_URL must be a JDBC URL starting with jdbc:postgresql:",
                "PAYMENT_PROVIDER|paypal|PAYMENT_PROVIDER must be one of fake, stripe, got 'paypal'",
                "ALLOW_FAKE_PAYMENTS|sure|ALLOW_FAKE_PAYMENTS must be true or false, got 'sure'",
                "RATE_LIMIT_LOGIN_PER_MINUTE|0|RATE_LIMIT_LOGIN_PER_MINUTE must be an integer from 1 to 1000000, got '0'",
                "RATE_LIMIT_LOGIN_PER_EMAIL_PER_MINUTE|five|RATE_LIMIT_LOGIN_PER_EMAIL_PER_MINUTE must be an integer from 1 to 1000000, got 'five'",
                "RATE_LIMIT_SIGNUP_PER_HOUR|-1|RATE_LIMIT_SIGNUP_PER_HOUR must be an integer from 1 to 1000000, got '-1'",
                "RATE_LIMIT_REFRESH_PER_MINUTE|2000000|RATE_LIMIT_REFRESH_PER_MINUTE must be an integer from 1 to 1000000, got '2000000'",
            })
    void aBadValueIsRefusedWithOneLineNamingTheVariable(String name, String value, String message) {
        assertThatThrownBy(() -> Settings.from(Map.of(name, value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(message);
    }

    @Test
    void secretsAreNeverEchoed() {
        assertThatThrownBy(() -> Settings.from(Map.of("JWT_SECRET", "short-secret-value")))
                .hasMessage("JWT_SECRET must be at least 32 bytes long")
                .message()
                .doesNotContain("short-secret-value");
        assertThat(Settings.from(Map.of("JWT_SECRET", "0123456789abcdef0123456789abcdef-secret"))
                        .toString())
                .doesNotContain("secret");
    }

    @Test
    void rateLimitsDefaultToTheWebAdaptersProductionBudgets() {
        Settings.RateLimits limits = Settings.from(Map.of()).rateLimits();
        WebSettings.RateLimits web = WebSettings.RateLimits.defaults();

        assertThat(web.loginPerAddress()).isEqualTo(new WebSettings.RateLimit(limits.loginPerMinute(), MINUTE));
        assertThat(web.loginPerEmail()).isEqualTo(new WebSettings.RateLimit(limits.loginPerEmailPerMinute(), MINUTE));
        assertThat(web.signupPerAddress())
                .isEqualTo(new WebSettings.RateLimit(limits.signupPerHour(), Duration.ofHours(1)));
        assertThat(web.refreshPerAddress()).isEqualTo(new WebSettings.RateLimit(limits.refreshPerMinute(), MINUTE));
    }

    @Test
    void rateLimitsCanBeRaised() {
        Settings.RateLimits limits = Settings.from(Map.of(
                        "RATE_LIMIT_LOGIN_PER_MINUTE", "1000",
                        "RATE_LIMIT_LOGIN_PER_EMAIL_PER_MINUTE", "200",
                        "RATE_LIMIT_SIGNUP_PER_HOUR", "5000",
                        "RATE_LIMIT_REFRESH_PER_MINUTE", "300"))
                .rateLimits();

        assertThat(limits).isEqualTo(new Settings.RateLimits(1000, 200, 5000, 300, 10, 5));
    }

    @Test
    void stripeNeedsItsKeys() {
        assertThatThrownBy(() -> Settings.from(Map.of("PAYMENT_PROVIDER", "stripe")))
                .hasMessage("STRIPE_API_KEY must be set when PAYMENT_PROVIDER is stripe");
        assertThatThrownBy(() -> Settings.from(Map.of("ADMIN_EMAIL", "a@b.example")))
                .hasMessage("ADMIN_EMAIL and ADMIN_PASSWORD must be set together");
    }

    @Test
    void theDatabaseUrlIsLoggedWithoutCredentials() {
        Settings settings = Settings.from(Map.of(
                "DATABASE_URL",
                "jdbc:postgresql://shop:s3cret@db.internal:5432/bookshop?user=shop&password=s3cret",
                "ALLOW_FAKE_PAYMENTS",
                "true"));

        assertThat(settings.toString())
                .contains("jdbc:postgresql://db.internal:5432/bookshop")
                .doesNotContain("s3cret");
    }

    @Test
    void aRedisUrlSharesTheRateLimitsAndIsLoggedWithoutItsPassword() {
        Settings settings = Settings.from(Map.of("REDIS_URL", "redis://:s3cret@cache.internal:6379/2"));

        assertThat(settings.redisUrl()).contains("redis://:s3cret@cache.internal:6379/2");
        assertThat(settings.redisKeyPrefix()).isEqualTo("bookshop:");
        assertThat(settings.toString())
                .contains("redis redis://cache.internal:6379/2")
                .doesNotContain("s3cret");
        assertThat(Settings.from(Map.of()).toString()).contains("rateLimits=per process");
    }

    @Test
    void aReplicaTakesThePrimarysCredentialsUnlessItNamesItsOwn() {
        Map<String, String> primary = Map.of(
                "DATABASE_URL", "jdbc:postgresql://db/shop",
                "DATABASE_USER", "shop",
                "DATABASE_PASSWORD", "primary-secret",
                "ALLOW_FAKE_PAYMENTS", "true");
        Map<String, String> withReplica = new java.util.HashMap<>(primary);
        withReplica.put("DATABASE_REPLICA_URL", "jdbc:postgresql://replica/shop?password=replica-secret");

        Settings.Replica replica = Settings.from(withReplica).replica().orElseThrow();
        assertThat(replica.user()).contains("shop");
        assertThat(replica.password()).contains("primary-secret");
        assertThat(replica.maxLag()).isEqualTo(Duration.ofSeconds(5));
        assertThat(Settings.from(withReplica).toString())
                .contains("replica=jdbc:postgresql://replica/shop (max lag PT5S)")
                .doesNotContain("replica-secret");

        withReplica.put("DATABASE_REPLICA_USER", "reader");
        withReplica.put("DATABASE_REPLICA_PASSWORD", "reader-secret");
        withReplica.put("REPLICA_MAX_LAG", "PT30S");
        replica = Settings.from(withReplica).replica().orElseThrow();
        assertThat(replica.user()).contains("reader");
        assertThat(replica.password()).contains("reader-secret");
        assertThat(replica.maxLag()).isEqualTo(Duration.ofSeconds(30));
        assertThat(Settings.from(primary).replica()).isEmpty();
    }

    @Test
    void aReplicaNeedsAPrimaryOfTheOperatorsAndAJdbcUrl() {
        assertThatThrownBy(() -> Settings.from(Map.of("DATABASE_REPLICA_URL", "jdbc:postgresql://replica/shop")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("DATABASE_REPLICA_URL needs DATABASE_URL");
        assertThatThrownBy(() -> Settings.from(Map.of(
                        "DATABASE_URL", "jdbc:postgresql://db/shop",
                        "ALLOW_FAKE_PAYMENTS", "true",
                        "DATABASE_REPLICA_URL", "postgres://replica/shop")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("jdbc:postgresql:");
        assertThatThrownBy(() -> Settings.from(Map.of(
                        "DATABASE_URL", "jdbc:postgresql://db/shop",
                        "ALLOW_FAKE_PAYMENTS", "true",
                        "DATABASE_REPLICA_URL", "jdbc:postgresql://replica/shop",
                        "REPLICA_MAX_LAG", "five seconds")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("REPLICA_MAX_LAG");
    }

    @Test
    void theGuestCartLifetimeDefaultsToThirtyDaysAndIsBounded() {
        assertThat(Settings.from(Map.of()).guestCartTtl()).isEqualTo(Duration.ofDays(30));
        assertThat(Settings.from(Map.of("GUEST_CART_TTL", "P7D")).guestCartTtl())
                .isEqualTo(Duration.ofDays(7));
        for (String bad : List.of("PT0S", "PT30M", "P400D", "a month")) {
            assertThatThrownBy(() -> Settings.from(Map.of("GUEST_CART_TTL", bad)))
                    .as(bad)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("GUEST_CART_TTL must be an ISO-8601 duration from PT1H to PT8760H, got '" + bad + "'");
        }
    }

    @Test
    void theCatalogueCacheLifetimeIsBounded() {
        assertThat(Settings.from(Map.of()).catalogueCacheTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(Settings.from(Map.of("CATALOGUE_CACHE_TTL", "PT1H")).catalogueCacheTtl())
                .isEqualTo(Duration.ofHours(1));
        for (String bad : List.of("PT0S", "P2D", "soon")) {
            assertThatThrownBy(() -> Settings.from(Map.of("CATALOGUE_CACHE_TTL", bad)))
                    .as(bad)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("CATALOGUE_CACHE_TTL");
        }
    }

    @Test
    void aRedisUrlThatIsNotRedisStopsTheStart() {
        for (String bad : List.of("http://cache.internal:6379", "cache.internal:6379", "redis://", "redis://a b")) {
            assertThatThrownBy(() -> Settings.from(Map.of("REDIS_URL", bad)))
                    .as(bad)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("REDIS_URL");
        }
    }

    @Test
    void aStripeKeyMakesStripeTheDefaultProvider() {
        Settings settings = Settings.from(Map.of("STRIPE_API_KEY", "sk_test_x", "STRIPE_WEBHOOK_SECRET", "whsec_x"));

        assertThat(settings.paymentProvider()).isEqualTo("stripe");
    }

    @Test
    void aStripeKeyWithoutItsWebhookSecretRefusesToStartRatherThanFallingBackToFake() {
        assertThatThrownBy(() -> Settings.from(Map.of("STRIPE_API_KEY", "sk_test_x")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("STRIPE_WEBHOOK_SECRET must be set when PAYMENT_PROVIDER is stripe");
    }

    @Test
    void fakePaymentsCanStillBeChosenExplicitlyOnTheEmbeddedDatabase() {
        assertThat(Settings.from(Map.of("PAYMENT_PROVIDER", "fake", "STRIPE_API_KEY", "sk_test_x"))
                        .paymentProvider())
                .isEqualTo("fake");
        assertThat(Settings.from(Map.of()).allowFakePayments()).isFalse();
    }

    @Test
    void fakePaymentsWithADatabaseUrlRefuseToStartUnlessAllowed() {
        String refusal = "PAYMENT_PROVIDER is fake (every order is paid without money) while DATABASE_URL is set: use"
                + " PAYMENT_PROVIDER=stripe, or set ALLOW_FAKE_PAYMENTS=true for a demo or a benchmark";
        assertThatThrownBy(() -> Settings.from(Map.of("DATABASE_URL", "jdbc:postgresql://db/shop")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(refusal);
        assertThatThrownBy(() -> Settings.from(Map.of(
                        "DATABASE_URL", "jdbc:postgresql://db/shop",
                        "PAYMENT_PROVIDER", "fake",
                        "ALLOW_FAKE_PAYMENTS", "false")))
                .hasMessage(refusal);

        Settings allowed =
                Settings.from(Map.of("DATABASE_URL", "jdbc:postgresql://db/shop", "ALLOW_FAKE_PAYMENTS", "true"));

        assertThat(allowed.paymentProvider()).isEqualTo("fake");
        assertThat(allowed.allowFakePayments()).isTrue();
        assertThat(Settings.from(Map.of(
                                "DATABASE_URL", "jdbc:postgresql://db/shop",
                                "STRIPE_API_KEY", "sk_test_x",
                                "STRIPE_WEBHOOK_SECRET", "whsec_x"))
                        .paymentProvider())
                .isEqualTo("stripe");
    }

    @Test
    void aMetricsTokenIsReadAtLeastSixteenBytesLongAndNeverEchoed() {
        assertThat(Settings.from(Map.of()).metricsToken()).isEmpty();
        Settings settings = Settings.from(Map.of("METRICS_TOKEN", "scrape-0123456789abcdef"));

        assertThat(settings.metricsToken()).contains("scrape-0123456789abcdef");
        assertThat(settings.toString()).doesNotContain("scrape-0123456789abcdef");
        assertThatThrownBy(() -> Settings.from(Map.of("METRICS_TOKEN", "short-token")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("METRICS_TOKEN must be at least 16 bytes long");
    }

    @Test
    void trustedProxiesAreNoneByDefaultAndReadAsCidrBlocks() {
        assertThat(Settings.from(Map.of()).trustedProxies().isEmpty()).isTrue();

        Settings settings = Settings.from(Map.of("TRUSTED_PROXIES", " 10.0.0.0/8, 127.0.0.1 ,2001:db8::/32,::1"));

        assertThat(settings.trustedProxies().blocks())
                .extracting(Object::toString)
                .containsExactly("10.0.0.0/8", "127.0.0.1/32", "2001:db8:0:0:0:0:0:0/32", "0:0:0:0:0:0:0:1/128");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "10.0.0.0/8, proxy.internal | 'proxy.internal' is not an address or CIDR block",
                "10.0.0.0/33 | '10.0.0.0/33' is not an address or CIDR block",
                "10.0.0.1/8 | '10.0.0.1/8' is not an address or CIDR block: bits are set past the prefix length;"
                        + " the block is 10.0.0.0/8"
            })
    void aWrongTrustedProxyStopsTheStartNamingIt(String value, String named) {
        assertThatThrownBy(() -> Settings.from(Map.of("TRUSTED_PROXIES", value)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith("TRUSTED_PROXIES must be a comma-separated list of IP addresses or CIDR blocks")
                .hasMessageContaining(named)
                .hasMessageNotContaining("\n");
    }
}
