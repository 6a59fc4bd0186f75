package dev.bookshop.bootstrap;

import dev.bookshop.adapters.mail.Mailers;
import dev.bookshop.adapters.password.BcryptPasswordHasher;
import dev.bookshop.adapters.payments.fake.FakePaymentGateway;
import dev.bookshop.adapters.payments.stripe.StripePaymentGateway;
import dev.bookshop.adapters.payments.stripe.StripeWebhooks;
import dev.bookshop.adapters.payments.stripe.WebhookSignatureException;
import dev.bookshop.adapters.persistence.jooq.CatalogueCaches;
import dev.bookshop.adapters.persistence.jooq.CatalogueListener;
import dev.bookshop.adapters.persistence.jooq.JooqPersistence;
import dev.bookshop.adapters.persistence.jpa.JpaPersistence;
import dev.bookshop.adapters.persistence.memory.InMemoryPersistence;
import dev.bookshop.adapters.web.BookshopWeb;
import dev.bookshop.adapters.web.WebOperations;
import dev.bookshop.adapters.web.WebSettings;
import dev.bookshop.adapters.web.payment.PaymentWebhook;
import dev.bookshop.adapters.web.payment.WebhookRejectedException;
import dev.bookshop.adapters.web.security.LocalBuckets;
import dev.bookshop.adapters.web.security.RateLimitBuckets;
import dev.bookshop.adapters.web.security.SharedBuckets;
import dev.bookshop.application.account.port.in.AdminPasswordMismatchException;
import dev.bookshop.application.account.port.out.TokenGenerator;
import dev.bookshop.application.catalog.port.out.CatalogueInsights;
import dev.bookshop.application.payment.port.out.PaymentGateway;
import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.application.shared.port.out.IdGenerator;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.application.shared.service.BookshopServices;
import dev.bookshop.application.shared.service.ShopSettings;
import dev.bookshop.bootstrap.config.ConfigurationException;
import dev.bookshop.bootstrap.config.Settings;
import dev.bookshop.bootstrap.metrics.ShopMetrics;
import dev.bookshop.bootstrap.seed.DemoCatalogue;
import dev.bookshop.bootstrap.seed.DemoDiscounts;
import dev.bookshop.bootstrap.seed.DemoShipping;
import dev.bookshop.domain.user.Email;
import dev.bookshop.domain.user.Password;
import dev.bookshop.domain.user.User;
import io.javalin.Javalin;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every adapter the settings choose, the use cases on top of them and the HTTP server,
 * by hand, in one place. Closing it stops everything in reverse order.
 */
public final class BookshopServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BookshopServer.class);

    /** The account a development shop gets when the operator names none, so the README's walkthrough works. */
    static final String DEMO_ADMIN_EMAIL = "admin@bookshop.local";

    static final String DEMO_ADMIN_PASSWORD = "admin-password";

    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(10);

    private final List<AutoCloseable> resources;
    private final Javalin web;
    private final UseCases useCases;

    private BookshopServer(List<AutoCloseable> resources, Javalin web, UseCases useCases) {
        this.resources = resources;
        this.web = web;
        this.useCases = useCases;
    }

    public static BookshopServer start(Settings settings) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            return start(settings, resources);
        } catch (RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    private static BookshopServer start(Settings settings, List<AutoCloseable> resources) {
        LOG.info("Starting Bookshop with {}", settings);
        // Whole microseconds: what PostgreSQL keeps, so an answer and a later read of the same row agree.
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        ShopMetrics metrics = ShopMetrics.start();
        resources.add(metrics);
        PersistencePorts store;
        BooleanSupplier readiness;
        Optional<Database> primary = Optional.empty();
        Optional<PersistencePorts> replicaStore = Optional.empty();
        Optional<ReplicaMonitor> replicaMonitor = Optional.empty();
        switch (settings.persistence()) {
            case MEMORY -> {
                store = InMemoryPersistence.create();
                readiness = () -> true;
            }
            case JOOQ -> {
                Database database = Database.open(settings, metrics.registry());
                resources.add(database);
                primary = Optional.of(database);
                CatalogueCaches caches = new CatalogueCaches(settings.catalogueCacheTtl());
                store = JooqPersistence.create(
                        database.dataSource(), CatalogueInsights.DEFAULT_BOUND, caches, Duration.ZERO);
                resources.add(CatalogueListener.start(database::openDedicated, caches));
                if (settings.replica().isPresent()) {
                    Replica replica = Replica.open(settings, database, metrics, resources);
                    replicaMonitor = Optional.of(replica.monitor());
                    // A page read on the replica just after a write may predate it: not kept for the allowed lag.
                    replicaStore = Optional.of(JooqPersistence.create(
                            replica.connections(),
                            CatalogueInsights.DEFAULT_BOUND,
                            caches,
                            settings.replica().get().maxLag()));
                }
                readiness = database::isReachable;
            }
            case JPA -> {
                Database database = Database.open(settings, metrics.registry());
                resources.add(database);
                primary = Optional.of(database);
                JpaPersistence jpa = JpaPersistence.open(database.dataSource());
                resources.add(jpa);
                store = jpa.ports();
                if (settings.replica().isPresent()) {
                    Replica replica = Replica.open(settings, database, metrics, resources);
                    replicaMonitor = Optional.of(replica.monitor());
                    JpaPersistence onReplica = JpaPersistence.open(replica.connections());
                    resources.add(onReplica);
                    replicaStore = Optional.of(onReplica.ports());
                }
                readiness = database::isReachable;
            }
            default -> throw new IllegalStateException("unknown persistence " + settings.persistence());
        }

        metrics.gaugeOrdersByStatus(store.orders());
        PaymentGateway payments = metrics.counted(paymentGateway(settings));
        UseCases services = BookshopServices.create(
                store,
                new BcryptPasswordHasher(settings.bcryptCost()),
                payments,
                metrics.counted(Mailers.create(
                        settings.smtpHost(),
                        settings.smtpPort(),
                        settings.smtpUser(),
                        settings.smtpPassword(),
                        settings.mailFrom(),
                        settings.smtpTls())),
                clock,
                IdGenerator.random(),
                TokenGenerator.secureRandom(),
                new ShopSettings(
                        settings.currency(),
                        settings.refreshTokenTtl(),
                        settings.orderPaymentTimeout(),
                        settings.purchaseLimits(),
                        settings.sessionMaxAge(),
                        settings.refreshReuseGrace(),
                        settings.catalogueWindow(),
                        settings.guestCartTtl()),
                settings.housekeeping().retention(),
                settings.account());
        UseCases useCases = replicaStore.isPresent()
                ? ReplicaReads.route(
                        services,
                        replicaStore.get(),
                        settings.catalogueWindow(),
                        replicaMonitor.orElseThrow(),
                        metrics.registry())
                : services;

        ensureAdmin(settings, useCases).ifPresent(admin -> {
            if (settings.seedDemoData()) {
                int added = DemoCatalogue.seed(useCases, admin.id());
                if (added > 0) {
                    LOG.info("Seeded the demo catalogue with {} books", added);
                }
                DemoShipping.Seeded shipping = DemoShipping.seed(useCases, admin.id());
                if (shipping.methods() + shipping.rates() > 0) {
                    LOG.info("Seeded {} demo shipping methods and {} VAT rates", shipping.methods(), shipping.rates());
                }
                if (DemoDiscounts.seed(useCases, admin.id())) {
                    LOG.info("Seeded the demo discount code {}", DemoDiscounts.WELCOME);
                }
            }
        });

        BackgroundJobs jobs = BackgroundJobs.start(
                useCases,
                settings.orderPaymentTimeout(),
                settings.housekeeping().interval());
        resources.add(jobs);

        WebOperations operations = new WebOperations(
                metrics.registry(), rateLimitBuckets(settings, metrics), dependencies(primary, replicaMonitor));
        resources.add(operations.rateLimitBuckets());
        Javalin web = BookshopWeb.create(
                useCases, webSettings(settings), clock, readiness, stripeWebhook(settings, useCases), operations);
        resources.add(web::stop);
        web.start(settings.port());
        LOG.info("Bookshop is listening on port {}", web.port());
        return new BookshopServer(resources, web, useCases);
    }

    /** The read replica's pool and its monitor, both closed with the server. */
    private record Replica(DataSource connections, ReplicaMonitor monitor) {

        static Replica open(Settings settings, Database primary, ShopMetrics metrics, List<AutoCloseable> resources) {
            Settings.Replica replica = settings.replica().orElseThrow();
            Database pool = Database.openReplica(settings, replica, metrics.registry());
            resources.add(pool);
            ReplicaMonitor monitor =
                    ReplicaMonitor.start(primary.dataSource(), pool.dataSource(), replica.maxLag(), metrics.registry());
            resources.add(monitor);
            return new Replica(new ReplicaOrPrimary(pool.dataSource(), primary.dataSource()), monitor);
        }
    }

    /** With a read replica, readiness tells how the primary and the replica are; the primary alone decides. */
    private static Supplier<Map<String, String>> dependencies(
            Optional<Database> primary, Optional<ReplicaMonitor> replica) {
        if (primary.isEmpty() || replica.isEmpty()) {
            return Map::of;
        }
        Database database = primary.get();
        ReplicaMonitor monitor = replica.get();
        return () -> {
            Map<String, String> told = new LinkedHashMap<>();
            told.put("database", database.isReachable() ? "up" : "down");
            told.put("replica", monitor.state().label());
            return told;
        };
    }

    /** Shared through Redis with {@code REDIS_URL}, so a budget holds across instances; else this process's own. */
    private static RateLimitBuckets rateLimitBuckets(Settings settings, ShopMetrics metrics) {
        return settings.redisUrl()
                .<RateLimitBuckets>map(url -> SharedBuckets.redis(url, settings.redisKeyPrefix(), metrics.registry()))
                .orElseGet(LocalBuckets::new);
    }

    private static PaymentGateway paymentGateway(Settings settings) {
        if (settings.paymentProvider().equals("stripe")) {
            return StripePaymentGateway.create(
                    settings.stripeApiKey().orElseThrow(), settings.stripeApiBase(), PAYMENT_TIMEOUT);
        }
        return new FakePaymentGateway();
    }

    private static Optional<PaymentWebhook> stripeWebhook(Settings settings, UseCases useCases) {
        if (!settings.paymentProvider().equals("stripe")) {
            return Optional.empty();
        }
        StripeWebhooks webhooks =
                new StripeWebhooks(settings.stripeWebhookSecret().orElseThrow());
        return Optional.of((payload, signature) -> {
            var event = verify(webhooks, payload, signature);
            useCases.handlePaymentEvent().handle(event);
        });
    }

    private static dev.bookshop.application.payment.port.in.PaymentEvent verify(
            StripeWebhooks webhooks, String payload, Optional<String> signature) {
        try {
            return webhooks.verify(payload, signature.orElse(null));
        } catch (WebhookSignatureException e) {
            throw new WebhookRejectedException(e.getMessage());
        }
    }

    /**
     * The operator's administrator ({@code ADMIN_EMAIL}), or in a development shop on the embedded database that
     * seeds demo data, a well-known demo admin. Answers empty when the shop has none to act as. A shop on the
     * operator's own database never gets the demo admin: its password is in the README.
     */
    private static Optional<User> ensureAdmin(Settings settings, UseCases useCases) {
        Optional<String> email = settings.adminEmail();
        Optional<String> password = settings.adminPassword();
        if (email.isEmpty() && settings.seedDemoData()) {
            if (settings.databaseUrl().isPresent()) {
                LOG.warn("SEED_DEMO_DATA is on with DATABASE_URL but no ADMIN_EMAIL is set: the demo books are added"
                        + " by the operator's administrator, and the demo administrator exists only with the embedded"
                        + " database, so nothing is seeded");
                return Optional.empty();
            }
            LOG.warn(
                    "No ADMIN_EMAIL set: using the demo administrator {} with its documented password; do not do this"
                            + " in production",
                    DEMO_ADMIN_EMAIL);
            email = Optional.of(DEMO_ADMIN_EMAIL);
            password = Optional.of(DEMO_ADMIN_PASSWORD);
        }
        if (email.isEmpty()) {
            return Optional.empty();
        }
        Email adminEmail;
        Password adminPassword;
        try {
            adminEmail = Email.of(email.get());
            adminPassword = Password.chosen(password.orElseThrow());
        } catch (RuntimeException e) {
            throw new ConfigurationException("ADMIN_EMAIL/ADMIN_PASSWORD: " + e.getMessage());
        }
        try {
            return Optional.of(useCases.ensureAdmin().ensureAdmin(adminEmail, adminPassword));
        } catch (AdminPasswordMismatchException e) {
            // Someone may have signed up with the administrator's address: starting anyway would either hand them
            // the shop or run one without the administrator the operator asked for.
            throw new ConfigurationException(
                    settings.adminEmail().isPresent()
                            ? "ADMIN_EMAIL " + adminEmail.value()
                                    + " belongs to an existing account whose password is not"
                                    + " ADMIN_PASSWORD: refusing to make it an administrator; set ADMIN_PASSWORD to that"
                                    + " account's password, or choose another ADMIN_EMAIL"
                            : "The demo administrator's address " + adminEmail.value()
                                    + " belongs to an existing account"
                                    + " whose password is not the demo password: refusing to make it an administrator; set"
                                    + " ADMIN_EMAIL and ADMIN_PASSWORD");
        }
    }

    private static WebSettings webSettings(Settings settings) {
        String secret = settings.jwtSecret().orElseGet(() -> {
            LOG.warn("No JWT_SECRET set: signing tokens with a random key; sessions end when the server restarts");
            byte[] bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            return Base64.getEncoder().encodeToString(bytes);
        });
        WebSettings.Jwt jwt = WebSettings.Jwt.withSecret(secret);
        return WebSettings.defaults(secret)
                .withJwt(new WebSettings.Jwt(jwt.secret(), jwt.issuer(), jwt.audience(), settings.accessTokenTtl()))
                .withCorsOrigins(settings.corsOrigins())
                .withCurrency(settings.currency())
                .withRateLimits(rateLimits(settings.rateLimits(), settings.mailRateLimits()))
                .withMetricsToken(settings.metricsToken())
                .withTrustedProxies(settings.trustedProxies());
    }

    private static WebSettings.RateLimits rateLimits(Settings.RateLimits limits, Settings.MailRateLimits mail) {
        return rateLimits(limits)
                .withAccountMail(
                        new WebSettings.RateLimit(mail.passwordResetPerHour(), Duration.ofHours(1)),
                        new WebSettings.RateLimit(mail.passwordResetPerEmailPerHour(), Duration.ofHours(1)),
                        new WebSettings.RateLimit(mail.accountMailPerHour(), Duration.ofHours(1)),
                        new WebSettings.RateLimit(mail.accountMailPerAccountPerHour(), Duration.ofHours(1)));
    }

    private static WebSettings.RateLimits rateLimits(Settings.RateLimits limits) {
        return new WebSettings.RateLimits(
                new WebSettings.RateLimit(limits.loginPerMinute(), Duration.ofMinutes(1)),
                new WebSettings.RateLimit(limits.loginPerEmailPerMinute(), Duration.ofMinutes(1)),
                new WebSettings.RateLimit(limits.signupPerHour(), Duration.ofHours(1)),
                new WebSettings.RateLimit(limits.refreshPerMinute(), Duration.ofMinutes(1)),
                new WebSettings.RateLimit(limits.checkoutPerMinute(), Duration.ofMinutes(1)),
                new WebSettings.RateLimit(limits.passwordChangePer15Minutes(), Duration.ofMinutes(15)));
    }

    public int port() {
        return web.port();
    }

    public UseCases useCases() {
        return useCases;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed", resources.get(i), e);
            }
        }
        resources.clear();
    }
}
