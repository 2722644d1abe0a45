package dev.godwit.mysql;

import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.Inspector;
import dev.godwit.dialect.Locker;
import dev.godwit.dialect.SessionOptions;
import dev.godwit.dialect.SqlResources;
import dev.godwit.dialect.StatementSplitter;
import dev.godwit.model.QualifiedName;
import dev.godwit.plan.DdlWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * MySQL 8 and MariaDB 10.6+ ({@code jdbc:mysql:} and {@code jdbc:mariadb:} URLs). A MySQL schema is a database: the
 * connection's current database is where unqualified names resolve, and {@code --schema} names another one.
 *
 * <p>DDL is not transactional here: every {@code CREATE}, {@code ALTER} and {@code DROP} commits on its own (an
 * implicit commit before and after the statement), so a migration that fails half-way cannot be rolled back. The
 * migrator therefore runs every migration on the marked path: a {@code success = false} history row first, flipped
 * when the last statement succeeded, so a failure leaves a visible mark for {@code godwit repair}. Migrators
 * serialise on a named lock ({@code GET_LOCK}) held by a connection of its own for the whole run (see
 * {@link MysqlLocker}).
 */
public final class MysqlDialect implements Dialect {

    private static final String HISTORY_DDL = SqlResources.read(MysqlDialect.class, "history.sql");
    /** MariaDB Connector/J starts every server message with the connection id: "(conn=42) Table 'a' ...". */
    private static final Pattern CONNECTION_PREFIX = Pattern.compile("^\\(conn=\\d+\\)\\s*");
    /** ER_LOCK_WAIT_TIMEOUT: a row lock (innodb_lock_wait_timeout) or metadata lock (lock_wait_timeout) wait. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    /** ER_DUP_ENTRY. */
    private static final int DUPLICATE_ENTRY = 1062;

    private final StatementSplitter splitter = new MysqlStatementSplitter();
    private final Locker locker = new MysqlLocker();
    private final DdlWriter ddlWriter = new MysqlDdlWriter();
    private final Inspector inspector = new MysqlInspector();

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public boolean handles(String jdbcUrl) {
        return jdbcUrl != null && (jdbcUrl.startsWith("jdbc:mysql:") || jdbcUrl.startsWith("jdbc:mariadb:"));
    }

    @Override
    public StatementSplitter splitter() {
        return splitter;
    }

    @Override
    public Locker locker() {
        return locker;
    }

    @Override
    public Inspector inspector() {
        return inspector;
    }

    @Override
    public DdlWriter ddlWriter() {
        return ddlWriter;
    }

    /** False: MySQL commits implicitly before and after every DDL statement. */
    @Override
    public boolean transactionalDdl() {
        return false;
    }

    @Override
    public String quote(String identifier) {
        return MysqlNames.quote(identifier);
    }

    /**
     * With a database ({@code --schema}): creates it, and makes it the session's current database, which
     * {@link #prepareSession} could not do while it did not exist yet. Unqualified statements of the migrations then
     * land in it, as they do in PostgreSQL's schema on the search_path.
     */
    @Override
    public List<String> createHistoryTable(QualifiedName table) {
        List<String> ddl = new ArrayList<>();
        table.schemaName().ifPresent(s -> {
            ddl.add("CREATE DATABASE IF NOT EXISTS " + quote(s));
            ddl.add("USE " + quote(s));
        });
        ddl.add(HISTORY_DDL.replace("{table}", quote(table)));
        return ddl;
    }

    @Override
    public boolean tableExists(Connection connection, QualifiedName table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM information_schema.TABLES "
                + "WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?")) {
            ps.setString(1, table.schema());
            ps.setString(2, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public void prepareSession(Connection connection, SessionOptions options) throws SQLException {
        // Both waits are whole seconds. lock_wait_timeout bounds metadata locks (an ALTER waiting for a long
        // transaction on its table), innodb_lock_wait_timeout row locks.
        long seconds = Math.max(1, Math.min(options.lockTimeout().toSeconds(), 31_536_000L));
        try (Statement s = connection.createStatement()) {
            // TIMESTAMP values (the history's applied_at) are shown in the session's zone: UTC reads back as UTC.
            s.execute("SET time_zone = '+00:00'");
            s.execute("SET SESSION lock_wait_timeout = " + seconds);
            s.execute("SET SESSION innodb_lock_wait_timeout = " + seconds);
            if (options.schema().isPresent() && databaseExists(connection, options.schema().get())) {
                s.execute("USE " + quote(options.schema().get()));
            }
        }
    }

    private static boolean databaseExists(Connection connection, String database) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public String describe(SQLException e) {
        return CONNECTION_PREFIX.matcher(Dialect.super.describe(e)).replaceFirst("");
    }

    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getErrorCode() == LOCK_WAIT_TIMEOUT;
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return e.getErrorCode() == DUPLICATE_ENTRY;
    }
}
