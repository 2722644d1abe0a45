package dev.godwit.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.Godwit;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.testkit.MysqlTestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The migrator's named lock, against a real server: who waits, for how long, and what the message says. */
class MysqlLockTest {

    @TempDir
    Path base;
    MysqlTestDatabase db;

    @BeforeEach
    void open() throws Exception {
        db = MysqlTestDatabase.create();
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

    /** Takes, on a connection of its own, the lock Godwit takes for {@code table}; returns the connection id. */
    private long holdLock(Connection holder, String table) throws SQLException {
        try (PreparedStatement ps = holder.prepareStatement("SELECT GET_LOCK(?, 0), CONNECTION_ID()")) {
            ps.setString(1, MysqlLocker.name(db.name(), table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1));
                return rs.getLong(2);
            }
        }
    }

    private List<String> holderOf(String table) throws SQLException {
        return db.column("SELECT IS_USED_LOCK('" + MysqlLocker.name(db.name(), table) + "')");
    }

    @Test
    void lockTimeoutNamesTheConnectionThatHoldsTheLock() throws Exception {
        try (Connection holder = db.connect()) {
            long id = holdLock(holder, "godwit_history");
            long started = System.nanoTime();
            GodwitException e = assertThrows(GodwitException.class,
                    () -> godwit("godwit_history", Duration.ofSeconds(1)).migrate());
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
            assertEquals(4, e.code().exitCode());
            assertTrue(e.getMessage().contains("connection " + id + " (user "), e.getMessage());
            assertTrue(e.getMessage().contains("Waited 1 s") && e.getMessage().endsWith("KILL " + id + "."),
                    e.getMessage());
            assertTrue(waitedMs >= 900 && waitedMs < 10_000, "waited " + waitedMs + " ms");
            assertFalse(db.hasTable("a"));
            assertFalse(db.hasTable("godwit_history"), "not even the history table was created");
        }
    }

    @Test
    void lockDiesWithTheSessionThatHeldIt() throws Exception {
        try (Connection holder = db.connect()) {
            long id = holdLock(holder, "godwit_history");
            assertEquals(List.of(String.valueOf(id)), holderOf("godwit_history"));
            // What happens when a migrator's process is killed: the server ends its session.
            db.execute("KILL " + id);
            assertEquals(1, godwit("godwit_history", Duration.ofSeconds(5)).migrate().applied().size());
            assertTrue(db.hasTable("a"));
        }
    }

    @Test
    void lockIsReleasedWhenTheRunEndsWhetherItSucceedsOrFails() throws Exception {
        godwit("godwit_history", Duration.ofSeconds(2)).migrate();
        assertEquals(Arrays.asList((String) null), holderOf("godwit_history"));
        Files.writeString(base.resolve("migrations/20261101000001_bad.sql"), "SELECT * FROM missing_table;");
        assertThrows(GodwitException.class, () -> godwit("godwit_history", Duration.ofSeconds(2)).migrate());
        assertEquals(Arrays.asList((String) null), holderOf("godwit_history"));
    }

    @Test
    void migratorsOfDifferentHistoryTablesDoNotWaitForEachOther() throws Exception {
        try (Connection holder = db.connect()) {
            holdLock(holder, "godwit_history");
            assertEquals(1, godwit("schema_log", Duration.ofSeconds(1)).migrate().applied().size());
        }
    }

    @Test
    void lockNamesAreServerWideSoTheDatabaseIsPartOfTheName() {
        String name = MysqlLocker.name("app", "godwit_history");
        assertNotEquals(name, MysqlLocker.name("app_staging", "godwit_history"));
        assertEquals(name, MysqlLocker.name("app", "godwit_history"));
        assertTrue(name.length() <= 64, name);
    }
}
