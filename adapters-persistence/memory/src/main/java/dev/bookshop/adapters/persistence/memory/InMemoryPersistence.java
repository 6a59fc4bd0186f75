package dev.bookshop.adapters.persistence.memory;

import dev.bookshop.application.catalog.port.out.CatalogueInsights;
import dev.bookshop.application.shared.port.out.PersistencePorts;

/**
 * The in-memory persistence adapter: every storage port over one shared store, for use-case tests and for running
 * the shop without a database. Data lives as long as the bundle.
 */
public final class InMemoryPersistence {

    private InMemoryPersistence() {}

    /** A fresh, empty store and every port over it. */
    public static PersistencePorts create() {
        return create(CatalogueInsights.DEFAULT_BOUND);
    }

    /** A fresh, empty store whose facets count at most {@code facetBound} books. */
    public static PersistencePorts create(int facetBound) {
        InMemoryStore store = new InMemoryStore();
        return new PersistencePorts(
                new InMemoryTransactionRunner(store),
                new InMemoryUserRepository(store),
                new InMemoryRefreshTokenRepository(store),
                new InMemoryCategoryRepository(store),
                new InMemoryProductRepository(store),
                new InMemoryCartRepository(store),
                new InMemoryOrderRepository(store),
                new InMemoryOrderEventRepository(store),
                new InMemoryIdempotencyRepository(store),
                new InMemoryProcessedEventRepository(store),
                new InMemoryMailOutbox(store),
                new InMemoryCatalogueInsights(store, facetBound),
                new InMemoryAccountTokenRepository(store),
                new InMemoryAddressBookRepository(store),
                new InMemoryShippingMethodRepository(store),
                new InMemoryTaxRateRepository(store),
                new InMemoryGuestCartRepository(store),
                new InMemoryDiscountCodeRepository(store));
    }
}
