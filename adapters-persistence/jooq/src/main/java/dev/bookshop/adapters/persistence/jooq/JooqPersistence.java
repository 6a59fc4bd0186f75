package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.application.catalog.port.out.CatalogueInsights;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import java.time.Duration;
import javax.sql.DataSource;
import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;

/** Builds the jOOQ adapter on a PostgreSQL {@link DataSource} whose schema the Flyway migrations made. */
public final class JooqPersistence {

    private JooqPersistence() {}

    /** Every storage port, sharing one {@link DSLContext} whose transactions follow the thread. */
    public static PersistencePorts create(DataSource dataSource) {
        return create(dataSource, CatalogueInsights.DEFAULT_BOUND);
    }

    /** The same, with facets that count at most {@code facetBound} books. */
    public static PersistencePorts create(DataSource dataSource, int facetBound) {
        return create(dataSource, facetBound, new CatalogueCaches(), Duration.ZERO);
    }

    /**
     * The same, its catalogue caches among {@code caches} (which a write here forgets, and which hear what other
     * instances wrote through {@link CatalogueListener}). {@code settle}: how long after a forgetting a page found is
     * not kept; a store on a read replica gives the replica's allowed lag, so a page read before the replica replayed
     * the write is used once, not kept.
     */
    public static PersistencePorts create(
            DataSource dataSource, int facetBound, CatalogueCaches caches, Duration settle) {
        JooqTransactionRunner transactions = new JooqTransactionRunner(dataSource);
        DSLContext dsl = dslContext(transactions.connections());
        return new PersistencePorts(
                transactions,
                new JooqUserRepository(dsl),
                new JooqRefreshTokenRepository(dsl),
                new JooqCategoryRepository(dsl),
                new JooqProductRepository(dsl, transactions, caches, settle),
                new JooqCartRepository(dsl),
                new JooqOrderRepository(dsl),
                new JooqOrderEventRepository(dsl),
                new JooqIdempotencyRepository(dsl),
                new JooqProcessedEventRepository(dsl),
                new JooqMailOutbox(dsl),
                new JooqCatalogueInsights(dsl, facetBound),
                new JooqAccountTokenRepository(dsl),
                new JooqAddressBookRepository(dsl),
                new JooqShippingMethodRepository(dsl),
                new JooqTaxRateRepository(dsl),
                new JooqGuestCartRepository(dsl),
                new JooqDiscountCodeRepository(dsl));
    }

    /**
     * A context configured like the adapter's, each statement on an autocommit connection from the pool. A statement
     * that cannot reach the database throws {@link dev.bookshop.application.shared.port.in.StoreUnavailableException}.
     */
    public static DSLContext dslContext(DataSource dataSource) {
        return dslContext(new DataSourceConnectionProvider(dataSource));
    }

    private static DSLContext dslContext(ConnectionProvider connections) {
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(SQLDialect.POSTGRES);
        configuration.set(new Settings()
                .withExecuteLogging(false)
                // Nothing reads SQL warnings; asking the driver for them after every statement is wasted work.
                .withFetchWarnings(false)
                // IN lists padded to a power of two: a handful of distinct statements, which the driver prepares
                // once per connection, instead of one per cart size.
                .withInListPadding(true));
        configuration.set(connections);
        configuration.set(new DefaultExecuteListenerProvider(new StoreOutages()));
        return DSL.using(configuration);
    }
}
