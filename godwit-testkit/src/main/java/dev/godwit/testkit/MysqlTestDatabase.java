package dev.godwit.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A database of its own on the test {@link MysqlServer}, dropped on close. */
public final class MysqlTestDatabase implements TestDatabase {

    private final MysqlServer server;
    private final String name;
    private final String url;

    MysqlTestDatabase(MysqlServer server, String name, String url) {
        this.server = server;
        this.name = name;
        this.url = url;
    }

    /** A new database on the shared server; the calling test is skipped when there is none. */
    public static MysqlTestDatabase create() {
        return MysqlServer.get().createDatabase();
    }

    public String name() {
        return name;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public String dialect() {
        return "mysql";
    }

    /**
     * As the default does, on a session with PIPES_AS_CONCAT: the shared contract's checks join columns with
     * {@code ||}, which MySQL otherwise reads as OR.
     */
    @Override
    public List<String> column(String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = CONCAT(@@sql_mode, ',PIPES_AS_CONCAT')");
            try (ResultSet rs = s.executeQuery(query)) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    @Override
    public boolean hasTable(String table) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void close() {
        server.drop(name);
    }
}
