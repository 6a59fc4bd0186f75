package dev.bookshop.adapters.persistence.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;

/**
 * A PostgreSQL server the tests may create databases on: where it is, who to log in as, and how it was found.
 *
 * @param adminUrl a JDBC URL of a database that always exists on the server (usually {@code postgres})
 */
record DatabaseServer(String kind, String adminUrl, String user, String password) {

    DatabaseServer {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(adminUrl);
        Objects.requireNonNull(user);
        password = password == null ? "" : password;
    }

    /** The JDBC URL of another database on the same server: the admin URL with its database name swapped. */
    String urlOf(String database) {
        String prefix = "jdbc:postgresql://";
        if (!adminUrl.startsWith(prefix)) {
            throw new IllegalStateException("not a PostgreSQL JDBC URL: " + adminUrl);
        }
        int pathStart = adminUrl.indexOf('/', prefix.length());
        int queryStart = adminUrl.indexOf('?');
        String hostPart = pathStart < 0
                ? (queryStart < 0 ? adminUrl : adminUrl.substring(0, queryStart))
                : adminUrl.substring(0, pathStart);
        String query = queryStart < 0 ? "" : adminUrl.substring(queryStart);
        return hostPart + "/" + database + query;
    }

    Connection connectAsAdmin() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, password);
    }
}
