package dev.godwit.mysql;

import dev.godwit.dialect.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * One query of {@code inspect/*.sql} over {@code information_schema}, run for a whole set of databases: its
 * {@code {schemas}} stands for one parameter per database name, so the number of round trips does not grow with the
 * number of objects.
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
        this.sql = SqlResources.read(MysqlDialect.class, "inspect/" + resource);
    }

    static CatalogQuery of(String resource) {
        return new CatalogQuery(resource);
    }

    /** Runs the query for these databases (at least one), handing every row to {@code row}. */
    void run(Connection connection, List<String> schemas, Row row) throws SQLException {
        String expanded = sql.replace("{schemas}", String.join(", ", Collections.nCopies(schemas.size(), "?")));
        try (PreparedStatement ps = connection.prepareStatement(expanded)) {
            for (int i = 0; i < schemas.size(); i++) {
                ps.setString(i + 1, schemas.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new SQLException("Reading the catalog with inspect/" + resource + " failed: " + e.getMessage(),
                    e.getSQLState(), e.getErrorCode(), e);
        }
    }
}
