package dev.bookshop.bootstrap;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Connections to the replica, or to the primary while the replica gives none: what the replica's store is built on,
 * so that starting it (Hibernate checks the schema) or a read racing the replica's failure never waits on a replica
 * that is gone. Reads only: nothing writes through the replica's store.
 */
final class ReplicaOrPrimary implements DataSource {

    private final DataSource replica;
    private final DataSource primary;

    ReplicaOrPrimary(DataSource replica, DataSource primary) {
        this.replica = replica;
        this.primary = primary;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            return replica.getConnection();
        } catch (SQLException e) {
            return primary.getConnection();
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pools hold their own credentials");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return replica.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        replica.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        replica.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return replica.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
