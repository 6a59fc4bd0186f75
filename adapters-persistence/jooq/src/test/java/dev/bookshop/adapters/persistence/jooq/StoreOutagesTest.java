package dev.bookshop.adapters.persistence.jooq;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bookshop.application.shared.port.in.StoreUnavailableException;
import dev.bookshop.application.shared.port.out.PersistencePorts;
import dev.bookshop.domain.user.UserId;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A database that cannot be reached is reported as the out-ports' outage; any other failure is not. */
class StoreOutagesTest {

    @Test
    void aQueryOutsideATransactionThatGetsNoConnectionReportsAnOutage() {
        PersistencePorts ports = JooqPersistence.create(refusing(new SQLTransientConnectionException(
                "pool - Connection is not available, request timed out after 5000ms", "08001")));

        assertThatThrownBy(() -> ports.users().findById(UserId.of(UUID.randomUUID())))
                .isInstanceOf(StoreUnavailableException.class)
                .hasRootCauseInstanceOf(SQLTransientConnectionException.class);
    }

    @Test
    void aTransactionThatCannotBeginReportsAnOutage() {
        PersistencePorts ports = JooqPersistence.create(refusing(new SQLException("Connection refused", "08001")));

        assertThatThrownBy(() ->
                        ports.transactions().inTransaction(() -> ports.orders().countByStatus()))
                .isInstanceOf(StoreUnavailableException.class);
    }

    /** A data source whose every connection attempt fails with {@code failure}. */
    private static DataSource refusing(SQLException failure) {
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw failure;
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                throw failure;
            }

            @Override
            public PrintWriter getLogWriter() {
                return null;
            }

            @Override
            public void setLogWriter(PrintWriter out) {}

            @Override
            public void setLoginTimeout(int seconds) {}

            @Override
            public int getLoginTimeout() {
                return 0;
            }

            @Override
            public Logger getParentLogger() {
                return Logger.getGlobal();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                throw new SQLException("not a wrapper");
            }

            @Override
            public boolean isWrapperFor(Class<?> type) {
                return false;
            }
        };
    }
}
