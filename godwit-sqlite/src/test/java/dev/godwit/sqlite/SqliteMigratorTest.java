package dev.godwit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.testkit.MigratorContract;
import dev.godwit.testkit.SqliteTestDatabase;
import dev.godwit.testkit.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqliteMigratorTest extends MigratorContract {

    @Override
    protected TestDatabase newDatabase() {
        return SqliteTestDatabase.create();
    }

    @Test
    void anotherConnectionsWriteTransactionMakesMigrateWaitThenTimeOut() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);");
        godwit().migrate();
        write("20261101000001_b.sql", "CREATE TABLE b (id int);");
        try (Connection other = db.connect(); Statement s = other.createStatement()) {
            // The same statement the dialect's begin() runs on its auto-commit connection.
            s.execute("BEGIN IMMEDIATE");
            long started = System.nanoTime();
            GodwitException e = assertThrows(GodwitException.class,
                    () -> configure().lockTimeout(Duration.ofSeconds(1)).load().migrate());
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(ErrorCode.LOCK_TIMEOUT, e.code());
            assertTrue(e.getMessage().contains("SQLITE_BUSY"), e.getMessage());
            assertTrue(waitedMs >= 900, "gave up after " + waitedMs + " ms instead of waiting for the timeout");
            s.execute("ROLLBACK");
        }
        assertFalse(db.hasTable("b"));
        assertEquals(List.of("20261101000001_b"),
                godwit().migrate().applied().stream().map(r -> r.id().value()).toList());
    }
    /** sqlite-jdbc's create-and-delete write check raced concurrent first connections into SQLITE_READONLY_DBMOVED. */
    @Test
    void theDialectCreatesAMissingDatabaseFileBeforeTheDriverOpensIt() throws Exception {
        Path file = ((SqliteTestDatabase) db).file();
        SqliteDialect dialect = new SqliteDialect();
        assertFalse(Files.exists(file));
        dialect.beforeConnect(db.url() + "?journal_mode=WAL");
        assertTrue(Files.exists(file));
        dialect.beforeConnect(db.url());
        assertEquals(0, Files.size(file), "an existing file is left as it is");
        assertEquals(Optional.empty(), SqliteDialect.databaseFile("jdbc:sqlite::memory:"));
        assertEquals(Optional.empty(), SqliteDialect.databaseFile("jdbc:sqlite:file:x.db?mode=memory"));
        Path missingDirectory = base.resolve("no/such/dir/x.db");
        dialect.beforeConnect("jdbc:sqlite:" + missingDirectory);
        assertFalse(Files.exists(missingDirectory.getParent()), "a missing directory is left for the driver to report");
    }
}
