package dev.godwit.mysql;

import dev.godwit.dialect.ConnectionSource;
import dev.godwit.dialect.Locker;
import dev.godwit.dialect.MigrationLock;
import dev.godwit.dialect.SqlResources;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.model.QualifiedName;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A named lock ({@code GET_LOCK}) on a connection of its own, held for the whole run. A named lock belongs to the
 * session, not to a transaction, so the implicit commits of DDL do not release it; and the server releases it when
 * the session ends, so a killed migrator leaves no stale lock. Named locks are server-wide, not per database, so the
 * name is derived from the database and the history table together. A timeout names the holder's connection id,
 * which {@code IS_USED_LOCK} gives.
 */
final class MysqlLocker implements Locker {

    private static final String HOLDER_SQL = SqlResources.read(MysqlDialect.class, "lock-holder.sql");
    /** The longest wait GET_LOCK is given: a year, in seconds. */
    private static final long LONGEST_WAIT_SECONDS = 31_536_000L;

    @Override
    public MigrationLock acquire(ConnectionSource connections, QualifiedName historyTable, Duration timeout) {
        Connection c = null;
        String name = null;
        try {
            c = connections.open();
            c.setAutoCommit(true);
            name = name(database(c, historyTable), historyTable.name());
            // GET_LOCK counts whole seconds; 0 means "do not wait". It returns 1 when taken, 0 on timeout, and
            // NULL on an error (the session was killed while it waited).
            long seconds = Math.min(LONGEST_WAIT_SECONDS, (timeout.toMillis() + 999) / 1000);
            try (PreparedStatement ps = c.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                ps.setString(1, name);
                ps.setLong(2, seconds);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    int result = rs.getInt(1);
                    if (rs.wasNull() || result != 1) {
                        GodwitException failure = timedOut(c, name, historyTable, timeout);
                        closeQuietly(c);
                        throw failure;
                    }
                }
            }
            return release(c, name);
        } catch (SQLException e) {
            closeQuietly(c);
            throw new GodwitException(ErrorCode.CONNECTION, "Cannot take the migrator lock for " + historyTable
                    + (name == null ? "" : " (GET_LOCK('" + name + "'))") + ": " + e.getMessage(), e);
        }
    }

    /** The database the history table lives in: its own qualifier, else the connection's current database. */
    private static String database(Connection c, QualifiedName table) throws SQLException {
        if (table.schema() != null) {
            return table.schema();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT DATABASE()"); ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
        }
    }

    /**
     * The lock's name: at most 64 characters (MySQL 5.7+ refuses longer ones), so the database and table are
     * hashed; stable, so every migrator of the same history table asks for the same lock.
     */
    static String name(String database, String table) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((database + "." + table).getBytes(StandardCharsets.UTF_8));
            return "godwit:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static MigrationLock release(Connection c, String name) {
        return new MigrationLock() {
            private boolean closed;

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                try (PreparedStatement ps = c.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    ps.setString(1, name);
                    ps.execute();
                } catch (SQLException ignored) {
                    // Closing the session below releases the lock anyway.
                } finally {
                    closeQuietly(c);
                }
            }
        };
    }

    private static GodwitException timedOut(Connection c, String name, QualifiedName table, Duration timeout) {
        String holder = "another session";
        String fix = "if it is stuck, end it with KILL <connection id> (SELECT IS_USED_LOCK('" + name + "') gives it).";
        SQLException problem = null;
        try (PreparedStatement ps = c.prepareStatement(HOLDER_SQL)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    holder = "connection " + id + " (user " + rs.getString(2) + ", from " + rs.getString(3)
                            + (rs.getString(4) == null ? "" : ", database " + rs.getString(4)) + ", in its current "
                            + "state for " + rs.getLong(5) + " s)";
                    fix = "if it is stuck, end it with KILL " + id + ".";
                }
            }
        } catch (SQLException e) {
            problem = e;
        }
        GodwitException failure = new GodwitException(ErrorCode.LOCK_TIMEOUT, "Another migrator holds the lock on "
                + table + ": " + holder + ". Waited " + timeout.toSeconds() + " s. Wait for it to finish and run "
                + "again (or raise --lock-timeout); " + fix);
        if (problem != null) {
            failure.addSuppressed(problem);
        }
        return failure;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Nothing more to release: the server ends the session and its named locks.
            }
        }
    }
}
