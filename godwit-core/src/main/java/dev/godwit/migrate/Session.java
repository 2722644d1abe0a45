package dev.godwit.migrate;

import dev.godwit.dialect.Dialect;
import dev.godwit.dialect.Durability;
import dev.godwit.dialect.MigrationLock;
import dev.godwit.dialect.ScriptException;
import dev.godwit.dialect.SessionOptions;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * One connection to the target database for the length of a command, set up by the dialect, with the pieces every
 * command shares: the history table, splitting a section into statements, running them with errors that name the
 * migration, the statement, the file and the line.
 */
final class Session implements AutoCloseable {

    final MigratorSettings settings;
    final Dialect dialect;
    final HistoryTable history;
    final Connection connection;

    private Session(MigratorSettings settings, Connection connection) {
        this.settings = settings;
        this.dialect = settings.dialect();
        this.history = new HistoryTable(dialect, settings.historyTable());
        this.connection = connection;
    }

    static Session open(MigratorSettings settings) {
        Connection connection = null;
        try {
            connection = settings.connections().open();
            connection.setAutoCommit(true);
            settings.dialect().prepareSession(connection,
                    new SessionOptions(settings.schema(), settings.lockTimeout()));
            return new Session(settings, connection);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new GodwitException(ErrorCode.CONNECTION, "Cannot set up the migration session: "
                    + settings.dialect().describe(e) + sqlState(e) + ".", e);
        }
    }

    /** Takes the migrator lock; the caller closes it. */
    MigrationLock lock() {
        return dialect.locker().acquire(settings.connections(), settings.historyTable(), settings.lockTimeout());
    }

    /** The history rows, or none when the table does not exist yet (nothing is created). */
    List<AppliedMigration> readHistory() {
        return history(() -> history.exists(connection) ? history.readAll(connection) : List.of(), "read");
    }

    /**
     * Creates the history table when missing, in a transaction of its own: on SQLite, where there is no run-wide
     * lock, {@code BEGIN IMMEDIATE} makes concurrent migrators take turns instead of racing to create it.
     */
    void ensureHistory() {
        history(() -> {
            if (history.exists(connection)) {
                return null;
            }
            dialect.begin(connection, Durability.DURABLE);
            try {
                if (!history.exists(connection)) {
                    history.create(connection);
                }
                dialect.commit(connection);
            } catch (SQLException e) {
                try {
                    dialect.rollback(connection);
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
            return null;
        }, "create");
    }

    <T> T history(SqlWork<T> work, String verb) {
        try {
            return work.run();
        } catch (SQLException e) {
            if (dialect.isLockTimeout(e)) {
                throw lockTimeout(e, verb + " the history table " + history.name());
            }
            throw new GodwitException(ErrorCode.HISTORY, "Cannot " + verb + " the history table "
                    + history.name() + ": " + dialect.describe(e) + sqlState(e)
                    + ". Check that the user may " + verb + " it, or set --table/--schema.", e);
        }
    }

    private GodwitException lockTimeout(SQLException e, String doing) {
        return new GodwitException(ErrorCode.LOCK_TIMEOUT, "Another connection held a lock on the database past the "
                + "lock timeout (" + settings.lockTimeout().toSeconds() + " s) while Godwit tried to " + doing + ": "
                + dialect.describe(e) + sqlState(e) + ". Wait for it to finish and run again, or raise "
                + "--lock-timeout.", e);
    }

    /**
     * Commits the transaction a migration's statements and history change ran in. A failure here is the
     * migration's own (a deferred constraint it violated, say), reported like a failed statement.
     */
    void commit(Migration m, String action, String afterFailure) {
        try {
            dialect.commit(connection);
        } catch (SQLException e) {
            if (dialect.isLockTimeout(e)) {
                throw lockTimeout(e, "commit " + m.id());
            }
            throw new GodwitException(ErrorCode.MIGRATION_FAILED, action + " " + m.id() + " failed at commit ("
                    + m.location() + "): " + dialect.describe(e) + sqlState(e) + ". " + afterFailure, e);
        }
    }

    /** The statements of one section of a migration; a syntax problem names the file and line. */
    List<SqlStatement> statements(Migration m, Section section) {
        try {
            return dialect.splitter().split(section.text());
        } catch (ScriptException e) {
            throw new GodwitException(ErrorCode.MIGRATION_SOURCE, m.location() + ":" + section.fileLine(e.line())
                    + ": " + e.problem() + ". Close it, or check for a stray quote.", e);
        }
    }

    /**
     * Runs statements in order on the session connection, in whatever transaction the caller opened.
     *
     * @param action        "Migration" or "Rollback of migration", to start the error message
     * @param afterFailure  what the failure left behind, to end the error message
     */
    void run(Migration m, Section section, List<SqlStatement> statements, String action, String afterFailure) {
        try (Statement s = connection.createStatement()) {
            for (int i = 0; i < statements.size(); i++) {
                SqlStatement statement = statements.get(i);
                try {
                    s.execute(statement.sql());
                } catch (SQLException e) {
                    throw new GodwitException(ErrorCode.MIGRATION_FAILED, action + " " + m.id() + " failed at "
                            + "statement " + (i + 1) + " (" + m.location() + ":" + section.fileLine(statement.line())
                            + "): " + dialect.describe(e) + sqlState(e) + ". " + afterFailure, e);
                }
            }
        } catch (SQLException e) {
            throw new GodwitException(ErrorCode.MIGRATION_FAILED, action + " " + m.id() + " could not start: "
                    + dialect.describe(e) + sqlState(e) + ". " + afterFailure, e);
        }
    }

    /**
     * Runs a Java migration's up or down on the session connection, in whatever transaction the caller opened.
     */
    void runJava(Migration m, boolean up, String action, String afterFailure) {
        JavaMigration java = m.java().orElseThrow();
        try {
            if (up) {
                java.up(new JavaMigration.Context(m, connection));
            } else {
                java.down(new JavaMigration.Context(m, connection));
            }
        } catch (GodwitException e) {
            throw e;
        } catch (SQLException e) {
            throw new GodwitException(ErrorCode.MIGRATION_FAILED, action + " " + m.id() + " failed (" + m.location()
                    + "): " + dialect.describe(e) + sqlState(e) + ". " + afterFailure, e);
        } catch (Exception e) {
            throw new GodwitException(ErrorCode.MIGRATION_FAILED, action + " " + m.id() + " failed (" + m.location()
                    + "): " + e + ". " + afterFailure, e);
        }
    }

    /** Rolls back the open transaction, keeping the first failure as the one reported. */
    void rollbackQuietly(RuntimeException cause) {
        try {
            dialect.rollback(connection);
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    static String sqlState(SQLException e) {
        return e.getSQLState() == null ? "" : " [SQLState " + e.getSQLState() + "]";
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Closing after a failure: the first failure is the one to report.
            }
        }
    }

    /** Database work that may throw {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /**
     * The migrations of a graph that are not yet applied, in order: versioned ones without a history row, and
     * repeatable ones without a row of their current checksum.
     */
    static List<Migration> pending(List<Migration> order, List<AppliedMigration> applied) {
        java.util.Map<MigrationId, String> done = new java.util.HashMap<>();
        applied.forEach(a -> done.put(a.id(), a.checksum()));
        List<Migration> pending = new ArrayList<>();
        for (Migration m : order) {
            if (!done.containsKey(m.id()) || m.kind().repeatable() && !m.checksum().equals(done.get(m.id()))) {
                pending.add(m);
            }
        }
        return pending;
    }
}
