package dev.bookshop.adapters.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bookshop.adapters.web.address.AddressRoutes;
import dev.bookshop.adapters.web.admin.AdminRoutes;
import dev.bookshop.adapters.web.auth.AccountDataRoutes;
import dev.bookshop.adapters.web.auth.AccountRoutes;
import dev.bookshop.adapters.web.auth.AuthRoutes;
import dev.bookshop.adapters.web.auth.RecoveryRoutes;
import dev.bookshop.adapters.web.cart.CartRoutes;
import dev.bookshop.adapters.web.catalog.CatalogRoutes;
import dev.bookshop.adapters.web.discount.DiscountRoutes;
import dev.bookshop.adapters.web.http.ClientAddresses;
import dev.bookshop.adapters.web.http.JettyErrorHandler;
import dev.bookshop.adapters.web.http.Json;
import dev.bookshop.adapters.web.http.MethodOverrideFilter;
import dev.bookshop.adapters.web.http.ProblemMapper;
import dev.bookshop.adapters.web.http.RequestFilters;
import dev.bookshop.adapters.web.ops.ApiDocsRoutes;
import dev.bookshop.adapters.web.ops.HealthRoutes;
import dev.bookshop.adapters.web.ops.MetricsAccess;
import dev.bookshop.adapters.web.ops.MetricsRoutes;
import dev.bookshop.adapters.web.order.OrderRoutes;
import dev.bookshop.adapters.web.payment.PaymentWebhook;
import dev.bookshop.adapters.web.payment.PaymentWebhookRoutes;
import dev.bookshop.adapters.web.security.AccessTokens;
import dev.bookshop.adapters.web.security.Authenticator;
import dev.bookshop.adapters.web.security.RateLimiter;
import dev.bookshop.adapters.web.shipping.ShippingRoutes;
import dev.bookshop.application.shared.port.in.UseCases;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import jakarta.servlet.DispatcherType;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The HTTP adapter: builds the Javalin server of the shop's JSON API from the use cases. The composition root calls
 * {@link #create} and then {@code start(port)} on the answer; this class knows no database and no payment provider.
 */
public final class BookshopWeb {

    static final int HEADER_CACHE_SIZE = 256;

    private BookshopWeb() {}

    /**
     * @param useCases every inbound port, unpacked here so that each route group depends only on the ports it drives
     * @param settings token signing, CORS, currency, limits
     * @param clock the time tokens are issued and checked against
     * @param readiness answers whether the service's dependencies (the database) are reachable now
     */
    public static Javalin create(UseCases useCases, WebSettings settings, Clock clock, BooleanSupplier readiness) {
        return create(useCases, settings, clock, readiness, Optional.empty());
    }

    /**
     * @param stripeWebhook verifies and applies Stripe's deliveries; empty when Stripe is not the payment provider
     */
    public static Javalin create(
            UseCases useCases,
            WebSettings settings,
            Clock clock,
            BooleanSupplier readiness,
            Optional<PaymentWebhook> stripeWebhook) {
        return create(useCases, settings, clock, readiness, stripeWebhook, WebOperations.standalone());
    }

    /**
     * @param operations the meter registry {@code /metrics} serves
     */
    public static Javalin create(
            UseCases useCases,
            WebSettings settings,
            Clock clock,
            BooleanSupplier readiness,
            Optional<PaymentWebhook> stripeWebhook,
            WebOperations operations) {
        Objects.requireNonNull(useCases);
        Objects.requireNonNull(settings);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(readiness);
        Objects.requireNonNull(operations);

        ObjectMapper json = Json.mapper();
        ProblemMapper problems = new ProblemMapper(json);
        RequestFilters filters = new RequestFilters(settings.maxBodyBytes(), operations.metrics());
        AccessTokens tokens = new AccessTokens(settings.jwt(), clock);
        Authenticator authenticator = new Authenticator(tokens);
        RateLimiter limiter = new RateLimiter(operations.rateLimitBuckets());
        ClientAddresses clients = new ClientAddresses(settings.trustedProxies());

        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // A virtual thread per request: a request waiting for a pooled database connection or an answer costs
            // no platform thread, and the scheduler serves waiting requests in turn (a shorter latency tail).
            config.concurrency.useVirtualThreads = true;
            config.jsonMapper(new JavalinJackson(json, false));
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.jetty.modifyServletContextHandler(
                    handler -> handler.addFilter(MethodOverrideFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST)));
            config.router.ignoreTrailingSlashes = true;
            // Jetty caches header values per connection up to this length; a bearer token (~300 characters, another
            // one on almost every request of a connection a proxy shares between users) would fill the cache and
            // make Jetty clear it again and again. Below the length of a token, only the small repeated headers stay.
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(HEADER_CACHE_SIZE));
            // Jetty refuses some requests before Javalin sees them (a path it cannot decode, over 8 KiB of request
            // line or headers); without this they would get its HTML page, with no request id.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrorHandler(json)));
            enableCors(config, settings.corsOrigins());
            config.requestLogger.http(filters::accessLog);

            var routes = config.routes;
            // First, so that a request refused by a later before-handler still knows its client.
            routes.before(clients::remember);
            routes.before(filters::before);
            routes.beforeMatched(authenticator::guard);
            routes.exception(Exception.class, problems::handle);
            // Javalin maps its own 404/405/413 with a built-in handler unless this more specific one replaces it.
            routes.exception(HttpResponseException.class, problems::handle);

            new HealthRoutes(readiness, operations.dependencies()).register(routes);
            new MetricsRoutes(operations.metrics(), new MetricsAccess(settings.metricsToken())).register(routes);
            new ApiDocsRoutes(json).register(routes);
            new AuthRoutes(
                            useCases.signUp(),
                            useCases.logIn(),
                            useCases.refreshSession(),
                            useCases.logOut(),
                            useCases.mergeGuestCart(),
                            json,
                            tokens,
                            limiter,
                            settings.rateLimits(),
                            clock)
                    .register(routes);
            new AccountRoutes(
                            useCases.currentUser(),
                            useCases.changePassword(),
                            json,
                            limiter,
                            settings.rateLimits().passwordChangePerAccount())
                    .register(routes);
            new AccountDataRoutes(
                            useCases.manageSessions(),
                            useCases.exportAccountData(),
                            useCases.eraseAccount(),
                            json,
                            limiter,
                            settings.rateLimits().passwordChangePerAccount())
                    .register(routes);
            new RecoveryRoutes(
                            useCases.requestPasswordReset(),
                            useCases.resetPassword(),
                            useCases.verifyEmail(),
                            useCases.resendVerification(),
                            useCases.changeEmail(),
                            json,
                            limiter,
                            settings.rateLimits())
                    .register(routes);
            new AddressRoutes(
                            useCases.listAddresses(),
                            useCases.addAddress(),
                            useCases.changeAddress(),
                            useCases.removeAddress(),
                            json)
                    .register(routes);
            new CatalogRoutes(
                            useCases.browseProducts(),
                            useCases.searchProducts(),
                            useCases.getProduct(),
                            useCases.listCategories(),
                            useCases.catalogueFacets(),
                            useCases.suggestBooks(),
                            settings.currency())
                    .register(routes);
            new CartRoutes(
                            useCases.getCart(),
                            useCases.addToCart(),
                            useCases.removeFromCart(),
                            useCases.setCartQuantity(),
                            useCases.guestCart(),
                            useCases.cartDiscount(),
                            useCases.guestCartDiscount(),
                            json,
                            limiter)
                    .register(routes);
            new OrderRoutes(
                            useCases.checkout(),
                            useCases.quoteCheckout(),
                            useCases.listMyOrders(),
                            useCases.getMyOrder(),
                            limiter,
                            settings.rateLimits().checkoutPerAccount(),
                            json)
                    .register(routes);
            new AdminRoutes(
                            useCases.adminCatalog(),
                            useCases.adminOrders(),
                            useCases.adminUsers(),
                            json,
                            settings.currency())
                    .register(routes);
            new ShippingRoutes(useCases.adminShipping(), useCases.listShippingMethods(), useCases.adminTaxRates(), json)
                    .register(routes);
            new DiscountRoutes(useCases.adminDiscounts(), json).register(routes);
            new PaymentWebhookRoutes(stripeWebhook).register(routes);
        });
    }

    private static void enableCors(JavalinConfig config, List<String> origins) {
        if (origins.isEmpty()) {
            return;
        }
        config.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
            rule.allowHost(
                    origins.getFirst(), origins.subList(1, origins.size()).toArray(String[]::new));
            rule.exposeHeader(RequestFilters.REQUEST_ID_HEADER);
            rule.exposeHeader("Retry-After");
            rule.exposeHeader(OrderRoutes.REPLAYED);
            // An admin client reads it to send If-Match with its next edit of the book.
            rule.exposeHeader("ETag");
        }));
    }
}
