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
 * as a {@code text[]} (or, for a query that follows up on others, an array of oids), so the number of round trips
 * does not grow with the number of objects.
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

    @Override
    public String toString() {
        return resource;
    }

    static CatalogQuery of(String resource) {
        return new CatalogQuery(resource);
    }

    /** Runs the query for these schemas, handing every row to {@code row}. */
    void run(Connection connection, List<String> schemas, Row row) throws SQLException {
        run(connection, "text", schemas.toArray(), row);
    }

    /**
     * Runs a query whose one parameter is an array of another kind (oids as {@code int8}, say), handing every row to
     * {@code row}.
     */
    void run(Connection connection, String elementType, Object[] values, Row row) throws SQLException {
        try (Rows rows = fetch(connection, elementType, values)) {
            rows.each(row);
        }
    }

    /**
     * Runs the query for these schemas and returns its rows, which the driver has read in full (no fetch size is
     * set), so that they can be read later or on another thread.
     */
    Rows fetch(Connection connection, List<String> schemas) throws SQLException {
        return fetch(connection, "text", schemas.toArray());
    }

    private Rows fetch(Connection connection, String elementType, Object[] values) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            Array parameter = connection.createArrayOf(elementType, values);
            try {
                ps.setArray(1, parameter);
                return new Rows(this, ps, ps.executeQuery());
            } finally {
                parameter.free();
            }
        } catch (SQLException e) {
            ps.close();
            throw failure(e);
        }
    }

    private SQLException failure(SQLException e) {
        return new SQLException("Reading the catalog with inspect/" + resource + " failed: " + e.getMessage(),
                e.getSQLState(), e);
    }

    /** A query's result, closed with its statement. */
    static final class Rows implements AutoCloseable {
        private final CatalogQuery query;
        private final PreparedStatement statement;
        private final ResultSet rs;

        private Rows(CatalogQuery query, PreparedStatement statement, ResultSet rs) {
            this.query = query;
            this.statement = statement;
            this.rs = rs;
        }

        /** Hands every row to {@code row}. */
        void each(Row row) throws SQLException {
            try {
                while (rs.next()) {
                    row.read(rs);
                }
            } catch (SQLException e) {
                throw query.failure(e);
            }
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    /** A text[] column as a list; SQL NULL elements stay null, a NULL array is empty. */
    static List<String> strings(ResultSet rs, String column) throws SQLException {
        return new ArrayList<>(array(rs, column, String[].class));
    }

    /** A bigint[] column as a list; a NULL array is empty. */
    static List<Long> longs(ResultSet rs, String column) throws SQLException {
        return array(rs, column, Long[].class);
    }

    /** An int[] column as a list; a NULL array is empty. */
    static List<Integer> ints(ResultSet rs, String column) throws SQLException {
        return array(rs, column, Integer[].class);
    }

    /** An array column as the driver decodes it ({@code text[]} as String[], {@code int4[]} as Integer[], ...). */
    private static <T> List<T> array(ResultSet rs, String column, Class<T[]> type) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        try {
            return Arrays.asList(type.cast(array.getArray()));
        } finally {
            array.free();
        }
    }
}
