package dev.godwit.sqlite;

import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.Durability;
import dev.godwit.dialect.Inspector;
import dev.godwit.dialect.Locker;
import dev.godwit.dialect.SessionOptions;
import dev.godwit.dialect.SqlResources;
import dev.godwit.dialect.StatementSplitter;
import dev.godwit.model.QualifiedName;
import dev.godwit.plan.ChangeWriter;
import dev.godwit.plan.DdlWriter;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite: the embedded default. DDL is transactional, so every migration commits with its history row. There is
 * no session lock to hold: migrators serialise on the database's write lock, taken at the start of each migration
 * with {@code BEGIN IMMEDIATE}, and re-check the history inside it.
 */
public final class SqliteDialect implements Dialect {

    /** sqlite-jdbc writes "[SQLITE_ERROR] SQL error or missing database (near "x": syntax error)". */
    private static final Pattern DRIVER_MESSAGE = Pattern.compile("^\\[(SQLITE_\\w+)\\][^(]*\\((.*)\\)\\s*$",
            Pattern.DOTALL);
    private static final String HISTORY_DDL = SqlResources.read(SqliteDialect.class, "history.sql");

    private final StatementSplitter splitter = new SqliteStatementSplitter();
    private final Locker locker = new SqliteLocker();
    private final DdlWriter ddlWriter = new SqliteDdlWriter();
    private final Inspector inspector = new SqliteInspector();
    private final ChangeWriter changeWriter = new SqliteChangeWriter();

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public boolean handles(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:sqlite:");
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

    @Override
    public ChangeWriter changeWriter() {
        return changeWriter;
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }

    @Override
    public String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public List<String> createHistoryTable(QualifiedName table) {
        return List.of(HISTORY_DDL.replace("{table}", quote(table)));
    }

    @Override
    public boolean tableExists(Connection connection, QualifiedName table) throws SQLException {
        String master = table.schemaName().map(s -> quote(s) + ".sqlite_master").orElse("sqlite_master");
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM " + master + " WHERE type = 'table' AND name = ?")) {
            ps.setString(1, table.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Creates a missing database file before the driver opens it. sqlite-jdbc tests that it may write a missing file
     * by creating and deleting it; a second connection opening the path in between keeps the deleted file and fails
     * its first write with SQLITE_READONLY_DBMOVED. An empty file is an empty SQLite database, so creating it here
     * (atomically: a racing creator just finds it) leaves the driver nothing to delete.
     */
    @Override
    public void beforeConnect(String jdbcUrl) {
        // Checked first so that opening an existing database (every connection but the first) costs no exception.
        databaseFile(jdbcUrl).filter(f -> !Files.exists(f))
                .filter(f -> f.getParent() == null || Files.isDirectory(f.getParent())).ifPresent(f -> {
            try {
                Files.createFile(f);
            } catch (FileAlreadyExistsException e) {
                // Another connection created it first: the file every connection opens.
            } catch (IOException e) {
                // Left to the driver, whose error names the path and the reason.
            }
        });
    }

    /** The file a plain {@code jdbc:sqlite:path[?params]} URL names; none for memory, resource and URI names. */
    static Optional<Path> databaseFile(String jdbcUrl) {
        String name = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = name.indexOf('?');
        name = query < 0 ? name : name.substring(0, query);
        if (name.isEmpty() || name.startsWith(":") || name.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(name));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    @Override
    public void prepareSession(Connection connection, SessionOptions options) throws SQLException {
        long millis = Math.min(options.lockTimeout().toMillis(), Integer.MAX_VALUE);
        try (Statement s = connection.createStatement()) {
            // Another migrator's write transaction makes ours wait up to the lock timeout instead of failing at once.
            s.execute("PRAGMA busy_timeout = " + millis);
        }
    }

    /**
     * {@code BEGIN IMMEDIATE} takes the write lock at once. A deferred {@code BEGIN} would read the history under a
     * shared lock and fail with SQLITE_BUSY when two migrators both try to upgrade it.
     */
    @Override
    public void begin(Connection connection, Durability durability) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
        }
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("COMMIT");
        }
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            try (Statement s = connection.createStatement()) {
                s.execute("ROLLBACK");
            } catch (SQLException e) {
                // SQLite has already rolled back when a statement failed with certain errors (SQLITE_FULL, ...).
                if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                    throw e;
                }
            }
        } else {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Override
    public String describe(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
        Matcher m = DRIVER_MESSAGE.matcher(message);
        return m.matches() ? m.group(2).strip() + " [" + m.group(1) + "]" : message;
    }

    /** SQLITE_BUSY: another connection kept the write lock past the busy timeout. */
    @Override
    public boolean isLockTimeout(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("SQLITE_BUSY");
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        return e.getMessage() != null && e.getMessage().contains("SQLITE_CONSTRAINT");
    }
}
