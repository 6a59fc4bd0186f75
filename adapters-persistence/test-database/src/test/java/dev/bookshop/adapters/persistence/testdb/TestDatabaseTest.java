package dev.bookshop.adapters.persistence.testdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    @Test
    void givesAMigratedDatabaseAndDropsItOnClose() throws Exception {
        String name;
        try (TestDatabase db = TestDatabase.create();
                Connection connection = db.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            name = connection.getCatalog();
            try (ResultSet rs = statement.executeQuery("select count(*) from products")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        try (Connection admin = TestDatabase.sharedServer().connectAsAdmin();
                Statement statement = admin.createStatement();
                ResultSet rs =
                        statement.executeQuery("select count(*) from pg_database where datname = '" + name + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void swapsTheDatabaseNameInAServerUrl() {
        var server = new DatabaseServer("x", "jdbc:postgresql://h:5432/postgres?sslmode=disable", "u", null);

        assertThat(server.urlOf("other")).isEqualTo("jdbc:postgresql://h:5432/other?sslmode=disable");
        assertThat(server.password()).isEmpty();
    }
}
