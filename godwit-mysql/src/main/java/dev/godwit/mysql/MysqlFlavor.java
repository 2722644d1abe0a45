package dev.godwit.mysql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which server of the family answers. MariaDB and MySQL share most of {@code information_schema} but differ where it
 * matters to the inspector: MariaDB prints column defaults as SQL, MySQL as bare values; check constraints and
 * functional index parts live in different columns.
 */
enum MysqlFlavor {
    MARIADB,
    MYSQL;

    static MysqlFlavor of(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            return rs.next() && rs.getString(1).contains("MariaDB") ? MARIADB : MYSQL;
        }
    }

    /** The variant of a catalog query for this server: {@code indexes-mariadb.sql}. */
    String resource(String kind) {
        return kind + "-" + name().toLowerCase(java.util.Locale.ROOT) + ".sql";
    }
}
