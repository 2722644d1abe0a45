package dev.godwit.testkit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A database of a test's own: fresh and empty when made, gone after {@link #close()}.
 */
public interface TestDatabase extends AutoCloseable {

    /** The JDBC URL, with the user in it where the database needs one. */
    String url();

    /** {@code postgres}, {@code sqlite} or {@code mysql}. */
    String dialect();

    /** A new connection; the caller closes it. */
    default Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    /** Runs statements in auto-commit mode. */
    default void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The first column of every row a query returns, as strings. */
    default List<String> column(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** True when a table of this name exists in the database's default schema. */
    boolean hasTable(String name) throws SQLException;

    @Override
    void close();
}
