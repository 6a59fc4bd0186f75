package dev.bookshop.bootstrap;

import dev.bookshop.application.catalog.port.in.BrowseProductsUseCase;
import dev.bookshop.application.catalog.port.in.CatalogueFacetsUseCase;
import dev.bookshop.application.catalog.port.in.GetProductUseCase;
import dev.bookshop.application.catalog.port.in.ListCategoriesUseCase;
import dev.bookshop.application.catalog.port.in.SearchProductsUseCase;
import dev.bookshop.application.catalog.port.in.SuggestBooksUseCase;
import dev.bookshop.application.catalog.query.CatalogueFacets;
import dev.bookshop.application.catalog.query.ProductPage;
import dev.bookshop.application.catalog.query.ProductQuery;
import dev.bookshop.application.catalog.query.Suggestion;
import dev.bookshop.application.catalog.service.CatalogService;
import dev.bookshop.application.catalog.service.CatalogueInsightService;
import dev.bookshop.application.shared.port.in.UseCases;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.application.shared.query.PageRequest;
import dev.bookshop.domain.catalog.Category;
import dev.bookshop.domain.catalog.Product;
import dev.bookshop.domain.common.DomainException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The catalogue's public reads (lists, search, a book, categories, facets, suggestions) on the read replica while
 * {@link ReplicaMonitor} finds it well, on the primary otherwise. A read the replica fails (it went down since the last
 * check, or cancelled the query to replay) is read again on the primary: these reads change nothing, and the replica
 * is never the reason a client gets an error. An answer that is the client's fault (a book not found, a bad cursor)
 * is the same on either and is not asked twice.
 */
final class ReplicaReads
        implements BrowseProductsUseCase,
                SearchProductsUseCase,
                GetProductUseCase,
                ListCategoriesUseCase,
                CatalogueFacetsUseCase,
                SuggestBooksUseCase {

    private final UseCases primary;
    private final CatalogService replicaCatalog;
    private final CatalogueInsightService replicaInsights;
    private final ReplicaMonitor monitor;
    private final Counter onReplica;
    private final Counter onPrimary;
    private final Counter bypassed;

    private ReplicaReads(
            UseCases primary, PersistencePorts replica, int window, ReplicaMonitor monitor, MeterRegistry metrics) {
        this.primary = primary;
        this.replicaCatalog = new CatalogService(replica.products(), replica.products(), replica.categories(), window);
        this.replicaInsights = new CatalogueInsightService(replica.insights());
        this.monitor = monitor;
        this.onReplica = reads(metrics, "replica");
        this.onPrimary = reads(metrics, "primary");
        this.bypassed = Counter.builder("bookshop_replica_read_failures_total")
                .description("Catalogue reads the replica failed, read again on the primary")
                .register(metrics);
        Gauge.builder("bookshop_catalogue_read_pool", monitor, m -> m.serves() ? 1 : 0)
                .description("Which pool the catalogue reads use now (1 for the current one)")
                .tag("pool", "replica")
                .register(metrics);
        Gauge.builder("bookshop_catalogue_read_pool", monitor, m -> m.serves() ? 0 : 1)
                .description("Which pool the catalogue reads use now (1 for the current one)")
                .tag("pool", "primary")
                .register(metrics);
    }

    private static Counter reads(MeterRegistry metrics, String pool) {
        return Counter.builder("bookshop_catalogue_reads_total")
                .description("Catalogue reads, by the pool that answered")
                .tag("pool", pool)
                .register(metrics);
    }

    /** {@code useCases} with the catalogue's public reads routed through a replica store. */
    static UseCases route(
            UseCases useCases, PersistencePorts replica, int window, ReplicaMonitor monitor, MeterRegistry metrics) {
        ReplicaReads reads = new ReplicaReads(useCases, replica, window, monitor, metrics);
        UseCases u = useCases;
        return new UseCases(
                u.signUp(),
                u.logIn(),
                u.refreshSession(),
                u.logOut(),
                u.currentUser(),
                u.changePassword(),
                reads,
                reads,
                reads,
                reads,
                u.getCart(),
                u.addToCart(),
                u.removeFromCart(),
                u.checkout(),
                u.listMyOrders(),
                u.getMyOrder(),
                u.handlePaymentEvent(),
                u.expirePendingOrders(),
                u.deliverMail(),
                u.adminCatalog(),
                u.adminOrders(),
                u.adminUsers(),
                u.ensureAdmin(),
                u.purgeExpiredData(),
                u.manageSessions(),
                u.exportAccountData(),
                u.eraseAccount(),
                reads,
                reads,
                u.requestPasswordReset(),
                u.resetPassword(),
                u.verifyEmail(),
                u.resendVerification(),
                u.changeEmail(),
                u.listAddresses(),
                u.addAddress(),
                u.changeAddress(),
                u.removeAddress(),
                u.adminShipping(),
                u.listShippingMethods(),
                u.adminTaxRates(),
                u.quoteCheckout(),
                u.setCartQuantity(),
                u.guestCart(),
                u.mergeGuestCart(),
                u.adminDiscounts(),
                u.cartDiscount(),
                u.guestCartDiscount());
    }

    private <T> T read(Supplier<T> onTheReplica, Supplier<T> onThePrimary) {
        if (monitor.serves()) {
            try {
                T answer = onTheReplica.get();
                onReplica.increment();
                return answer;
            } catch (DomainException | IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                bypassed.increment();
                monitor.failed();
            }
        }
        T answer = onThePrimary.get();
        onPrimary.increment();
        return answer;
    }

    @Override
    public ProductPage browse(ProductQuery query, Optional<String> cursor) {
        return read(
                () -> replicaCatalog.browse(query, cursor),
                () -> primary.browseProducts().browse(query, cursor));
    }

    @Override
    public ProductPage search(String text, PageRequest page, Optional<String> cursor) {
        return read(
                () -> replicaCatalog.search(text, page, cursor),
                () -> primary.searchProducts().search(text, page, cursor));
    }

    @Override
    public Product getProduct(String idOrSlug) {
        return read(
                () -> replicaCatalog.getProduct(idOrSlug),
                () -> primary.getProduct().getProduct(idOrSlug));
    }

    @Override
    public List<Category> listCategories() {
        return read(
                replicaCatalog::listCategories, () -> primary.listCategories().listCategories());
    }

    @Override
    public CatalogueFacets facets(ProductQuery filters) {
        return read(
                () -> replicaInsights.facets(filters),
                () -> primary.catalogueFacets().facets(filters));
    }

    @Override
    public CatalogueFacets facetsOfSearch(String text) {
        return read(
                () -> replicaInsights.facetsOfSearch(text),
                () -> primary.catalogueFacets().facetsOfSearch(text));
    }

    @Override
    public List<Suggestion> suggest(String text, int limit) {
        return read(
                () -> replicaInsights.suggest(text, limit),
                () -> primary.suggestBooks().suggest(text, limit));
    }
}
