package dev.godwit.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.Godwit;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.model.QualifiedName;
import dev.godwit.testkit.PostgresTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The migrator's advisory lock, against a real PostgreSQL: who waits, for how long, and what the message says. */
class PostgresLockTest {

    @TempDir
    Path base;
    PostgresTestDatabase db;

    @BeforeEach
    void open() throws Exception {
        db = PostgresTestDatabase.create();
        Files.createDirectories(base.resolve("migrations"));
        Files.writeString(base.resolve("migrations/20261101000000_a.sql"), "CREATE TABLE a (id int);");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Godwit godwit(String table, Duration lockTimeout) {
        return Godwit.configure().url(db.url()).locations("migrations").baseDirectory(base).table(table)
                .lockTimeout(lockTimeout).noSnapshot().load();
    }

    /** A session of its own, named, holding the advisory lock Godwit takes for {@code table}; returns its pid. */
    private static int holdLock(Connection holder, String table) throws SQLException {
        try (Statement s = holder.createStatement()) {
            s.execute("SET application_name = 'other-migrator'");
        }
        try (PreparedStatement ps = holder.prepareStatement("SELECT pg_advisory_lock(?), pg_backend_pid()")) {
            ps.setLong(1, PostgresLocker.key(QualifiedName.unqualified(table)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(2);
            }
        }
    }

    private List<String> advisoryLocks() throws SQLException {
        return db.column("SELECT pid FROM pg_locks WHERE locktype = 'advisory' "
                + "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    }

    // flyway_schema_history's key is negative, godwit_history's positive: the holder query must decode both.
    @ParameterizedTest
    @ValueSource(strings = {"godwit_history", "flyway_schema_history"})
    void lockTimeoutNamesTheSessionThatHoldsTheLock(String table) throws Exception {
        assertEquals(table.startsWith("flyway"), PostgresLocker.key(QualifiedName.unqualified(table)) < 0);
        try (Connection holder = db.connect()) {
            int pid = holdLock(holder, table);
            long started = System.nanoTime();
            GodwitException e = assertThrows(GodwitException.class,
                    () -> godwit(table, Duration.ofSeconds(1)).migrate());
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
            assertEquals(4, e.code().exitCode());
            assertTrue(e.getMessage().contains("pid " + pid + " (application 'other-migrator'"), e.getMessage());
            assertTrue(e.getMessage().contains("Waited 1 s"), e.getMessage());
            assertTrue(waitedMs >= 900 && waitedMs < 10_000, "waited " + waitedMs + " ms");
            assertFalse(db.hasTable("a"));
            assertFalse(db.hasTable(table), "not even the history table was created");
        }
    }

    @Test
    void lockDiesWithTheSessionThatHeldIt() throws Exception {
        try (Connection holder = db.connect(); Connection admin = db.connect()) {
            int pid = holdLock(holder, "godwit_history");
            assertEquals(List.of(String.valueOf(pid)), advisoryLocks());
            // What happens when a migrator's process is killed: the server ends its session.
            try (PreparedStatement ps = admin.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
                ps.setInt(1, pid);
                ps.execute();
            }
            assertEquals(1, godwit("godwit_history", Duration.ofSeconds(2)).migrate().applied().size());
            assertTrue(db.hasTable("a"));
        }
    }

    @Test
    void lockIsReleasedWhenTheRunEndsWhetherItSucceedsOrFails() throws Exception {
        godwit("godwit_history", Duration.ofSeconds(2)).migrate();
        assertEquals(List.of(), advisoryLocks());
        Files.writeString(base.resolve("migrations/20261101000001_bad.sql"), "SELECT * FROM missing_table;");
        assertThrows(GodwitException.class, () -> godwit("godwit_history", Duration.ofSeconds(2)).migrate());
        assertEquals(List.of(), advisoryLocks());
    }

    @Test
    void migratorsOfDifferentHistoryTablesDoNotWaitForEachOther() throws Exception {
        try (Connection holder = db.connect()) {
            holdLock(holder, "godwit_history");
            assertEquals(1, godwit("schema_log", Duration.ofSeconds(1)).migrate().applied().size());
        }
    }

    @Test
    void lockTimeoutLongerThanPostgresCanCountIsAccepted() {
        // lock_timeout is an int of milliseconds: at most about 24.8 days.
        assertEquals(1, godwit("godwit_history", Duration.ofDays(30)).migrate().applied().size());
    }
}
