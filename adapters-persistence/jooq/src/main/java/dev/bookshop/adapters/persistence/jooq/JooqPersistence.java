package dev.bookshop.adapters.persistence.jooq;

import dev.bookshop.application.port.out.PersistencePorts;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DataSourceConnectionProvider;
import org.jooq.impl.DefaultConfiguration;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.jooq.impl.ThreadLocalTransactionProvider;

/** Builds the jOOQ adapter on a PostgreSQL {@link DataSource} whose schema the Flyway migrations made. */
public final class JooqPersistence {

    private JooqPersistence() {}

    /** Every storage port, sharing one {@link DSLContext} whose transactions follow the thread. */
    public static PersistencePorts create(DataSource dataSource) {
        DSLContext dsl = dslContext(dataSource);
        return new PersistencePorts(
                new JooqTransactionRunner(dsl),
                new JooqUserRepository(dsl),
                new JooqRefreshTokenRepository(dsl),
                new JooqCategoryRepository(dsl),
                new JooqProductRepository(dsl),
                new JooqCartRepository(dsl),
                new JooqOrderRepository(dsl),
                new JooqOrderEventRepository(dsl),
                new JooqIdempotencyRepository(dsl),
                new JooqProcessedEventRepository(dsl),
                new JooqMailOutbox(dsl));
    }

    /**
     * A context whose connection is the thread's transaction when one is open, and a fresh autocommit connection from
     * the pool otherwise. A statement that cannot reach the database throws
     * {@link dev.bookshop.application.port.out.StoreUnavailableException}.
     */
    public static DSLContext dslContext(DataSource dataSource) {
        DefaultConfiguration configuration = new DefaultConfiguration();
        configuration.set(SQLDialect.POSTGRES);
        configuration.set(new Settings().withExecuteLogging(false));
        configuration.set(new ThreadLocalTransactionProvider(new DataSourceConnectionProvider(dataSource), false));
        configuration.set(new DefaultExecuteListenerProvider(new StoreOutages()));
        return DSL.using(configuration);
    }
}
