package dev.godwit.testkit;

import java.sql.SQLException;

/** A database of its own on the test {@link PostgresServer}, dropped on close. */
public final class PostgresTestDatabase implements TestDatabase {

    private final PostgresServer server;
    private final String name;
    private final String url;

    PostgresTestDatabase(PostgresServer server, String name, String url) {
        this.server = server;
        this.name = name;
        this.url = url;
    }

    /** A new database on the shared server; the calling test is skipped when there is no PostgreSQL. */
    public static PostgresTestDatabase create() {
        return PostgresServer.get().createDatabase();
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
        return "postgres";
    }

    @Override
    public boolean hasTable(String table) throws SQLException {
        return !column("SELECT 1 WHERE to_regclass('" + table.replace("'", "''") + "') IS NOT NULL").isEmpty();
    }

    @Override
    public void close() {
        server.drop(name);
    }
}
