package dev.godwit.postgres;

import dev.godwit.dialect.ConnectionSource;
import dev.godwit.dialect.Locker;
import dev.godwit.dialect.MigrationLock;
import dev.godwit.dialect.SqlResources;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.model.QualifiedName;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A session advisory lock ({@code pg_advisory_lock}) on a connection of its own. It is tied to that session, not
 * to a transaction, so it spans every migration of a run; and PostgreSQL drops it when the session ends, so a killed
 * migrator never leaves a stale lock behind. The wait is bounded by {@code lock_timeout}, which applies to advisory
 * locks like any other heavyweight lock; a timeout names the session that holds the lock.
 */
final class PostgresLocker implements Locker {

    private static final String HOLDER_SQL = SqlResources.read(PostgresDialect.class, "lock-holder.sql");
    /** SQLSTATE lock_not_available: lock_timeout expired. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Override
    public MigrationLock acquire(ConnectionSource connections, QualifiedName historyTable, Duration timeout) {
        long key = key(historyTable);
        Connection c = null;
        try {
            c = connections.open();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                PostgresDialect.nameApplication(s);
                // lock_timeout 0 would mean "wait for ever"; the smallest positive value means "do not wait". It is
                // an int of milliseconds, so a longer wait (about 24.8 days and up) is the longest it can count.
                s.execute("SET lock_timeout = " + Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_lock(?)")) {
                ps.setLong(1, key);
                ps.execute();
            }
            return release(c, key);
        } catch (SQLException e) {
            GodwitException failure = LOCK_NOT_AVAILABLE.equals(e.getSQLState())
                    ? timedOut(c, key, historyTable, timeout, e)
                    : new GodwitException(ErrorCode.CONNECTION, "Cannot take the migrator lock for "
                    + historyTable + ": " + e.getMessage(), e);
            closeQuietly(c);
            throw failure;
        }
    }

    private static MigrationLock release(Connection c, long key) {
        return new MigrationLock() {
            private boolean closed;

            @Override
            public void close() {
                if (closed) {
                    return;
                }
                closed = true;
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    ps.setLong(1, key);
                    ps.execute();
                } catch (SQLException ignored) {
                    // Closing the session below releases the lock anyway.
                } finally {
                    closeQuietly(c);
                }
            }
        };
    }

    private static GodwitException timedOut(Connection c, long key, QualifiedName table, Duration timeout,
                                            SQLException cause) {
        String holder = "another session";
        try (PreparedStatement ps = c.prepareStatement(HOLDER_SQL)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    OffsetDateTime since = rs.getObject(5, OffsetDateTime.class);
                    holder = "pid " + rs.getInt(1) + " (application '" + rs.getString(2) + "', user "
                            + rs.getString(3) + (rs.getString(4) == null ? "" : ", from " + rs.getString(4))
                            + ", connected since " + since + ")";
                }
            }
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
        return new GodwitException(ErrorCode.LOCK_TIMEOUT, "Another migrator holds the lock on " + table + ": "
                + holder + ". Waited " + timeout.toSeconds() + " s. Wait for it to finish and run again (or raise "
                + "--lock-timeout); if it is stuck, end it with SELECT pg_terminate_backend(<pid>).", cause);
    }

    /** A stable 64-bit key per history table, so migrators of different tables do not block each other. */
    static long key(QualifiedName table) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("godwit:" + table).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Nothing more to release: the server ends the session and its locks.
            }
        }
    }
}
