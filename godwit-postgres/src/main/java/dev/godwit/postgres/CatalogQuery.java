package dev.godwit.postgres;

import dev.godwit.dialect.SqlResources;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One catalog query of {@code inspect/*.sql}, run for a whole set of schemas: its one parameter is the schema names
 * as a {@code text[]}, so the number of round trips does not grow with the number of objects.
 */
final class CatalogQuery {

    /** What is done with each row. */
    @FunctionalInterface
    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private final String resource;
    private final String sql;

    private CatalogQuery(String resource) {
        this.resource = resource;
        this.sql = SqlResources.read(PostgresDialect.class, "inspect/" + resource);
    }

    static CatalogQuery of(String resource) {
        return new CatalogQuery(resource);
    }

    /** Runs the query for these schemas, handing every row to {@code row}. */
    void run(Connection connection, List<String> schemas, Row row) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            Array names = connection.createArrayOf("text", schemas.toArray());
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            } finally {
                names.free();
            }
        } catch (SQLException e) {
            throw new SQLException("Reading the catalog with inspect/" + resource + " failed: " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    /** A text[] column as a list; SQL NULL elements stay null, a NULL array is empty. */
    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
        } finally {
            array.free();
        }
    }

    /** An int[] column as a list. */
    static List<Integer> ints(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.asList((Integer[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
