package dev.bookshop.adapters.persistence.jpa;

import dev.bookshop.application.catalog.port.out.CatalogueInsights;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * Builds the JPA adapter on a PostgreSQL {@link DataSource} whose schema the Flyway migrations made. Hibernate only
 * validates that schema against the entities; it never creates or alters a table.
 *
 * <pre>{@code
 * try (JpaPersistence jpa = JpaPersistence.open(dataSource)) {
 *     PersistencePorts ports = jpa.ports();
 *     …
 * }
 * }</pre>
 */
public final class JpaPersistence implements AutoCloseable {

    /** Every mapped class, listed rather than scanned for. */
    static final List<Class<?>> ENTITIES = List.of(
            UserEntity.class,
            RefreshTokenEntity.class,
            CategoryEntity.class,
            ProductEntity.class,
            CartEntity.class,
            CartItemEntity.class,
            OrderEntity.class,
            OrderEventEntity.class,
            IdempotencyKeyEntity.class,
            ProcessedPaymentEventEntity.class,
            MailOutboxEntity.class,
            AccountTokenEntity.class,
            AddressEntity.class,
            ShippingMethodEntity.class,
            TaxRateEntity.class,
            GuestCartEntity.class,
            GuestCartItemEntity.class,
            DiscountCodeEntity.class,
            DiscountRedemptionEntity.class);

    private final EntityManagerFactory entityManagerFactory;
    private final PersistencePorts ports;

    private JpaPersistence(EntityManagerFactory entityManagerFactory, int facetBound) {
        this.entityManagerFactory = entityManagerFactory;
        JpaTransactionRunner transactions = new JpaTransactionRunner(entityManagerFactory);
        this.ports = new PersistencePorts(
                transactions,
                new JpaUserRepository(transactions),
                new JpaRefreshTokenRepository(transactions),
                new JpaCategoryRepository(transactions),
                new JpaProductRepository(transactions),
                new JpaCartRepository(transactions),
                new JpaOrderRepository(transactions),
                new JpaOrderEventRepository(transactions),
                new JpaIdempotencyRepository(transactions),
                new JpaProcessedEventRepository(transactions),
                new JpaMailOutbox(transactions),
                new JpaCatalogueInsights(transactions, facetBound),
                new JpaAccountTokenRepository(transactions),
                new JpaAddressBookRepository(transactions),
                new JpaShippingMethodRepository(transactions),
                new JpaTaxRateRepository(transactions),
                new JpaGuestCartRepository(transactions),
                new JpaDiscountCodeRepository(transactions));
    }

    /**
     * Starts Hibernate on the data source and validates the schema. Close the answer to shut Hibernate down; the data
     * source stays its owner's to close.
     */
    public static JpaPersistence open(DataSource dataSource) {
        return open(dataSource, CatalogueInsights.DEFAULT_BOUND);
    }

    /** The same, with facets that count at most {@code facetBound} books. */
    public static JpaPersistence open(DataSource dataSource, int facetBound) {
        return new JpaPersistence(entityManagerFactory(dataSource), facetBound);
    }

    /**
     * Every storage port, for a composition root whose process lives as long as the adapter: Hibernate then shuts down
     * with the JVM. Use {@link #open} when it must be closed earlier.
     */
    public static PersistencePorts create(DataSource dataSource) {
        return open(dataSource).ports();
    }

    public PersistencePorts ports() {
        return ports;
    }

    @Override
    public void close() {
        entityManagerFactory.close();
    }

    private static EntityManagerFactory entityManagerFactory(DataSource dataSource) {
        Objects.requireNonNull(dataSource);
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("bookshop");
        configuration.managedClasses(ENTITIES);
        configuration.transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL);
        configuration.property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
        // The Flyway migrations own the schema; Hibernate checks that the entities fit it and fails start-up if not.
        configuration.property(AvailableSettings.HBM2DDL_AUTO, "validate");
        configuration.property(AvailableSettings.STATEMENT_BATCH_SIZE, 50);
        configuration.property(AvailableSettings.ORDER_INSERTS, true);
        // A page read with a collection fetched alongside would be cut in memory, not by the database: refuse it.
        configuration.property(AvailableSettings.FAIL_ON_PAGINATION_OVER_COLLECTION_FETCH, true);
        return configuration.createEntityManagerFactory();
    }
}
