package dev.godwit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.Godwit;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.migrate.MigrateOptions;
import dev.godwit.migrate.MigrateResult;
import dev.godwit.migrate.MigrationState;
import dev.godwit.migrate.RollbackOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every dialect's migrator must do, run against a real database of that dialect. A dialect module's test
 * extends this class and says how to make a fresh database.
 */
public abstract class MigratorContract {

    @TempDir
    protected Path base;
    protected TestDatabase db;

    /** A fresh, empty database, closed after the test. */
    protected abstract TestDatabase newDatabase();

    @BeforeEach
    void open() throws Exception {
        db = newDatabase();
        Files.createDirectories(base.resolve("migrations"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    protected void write(String name, String text) throws Exception {
        Files.writeString(base.resolve("migrations").resolve(name), text);
    }

    protected Godwit godwit() {
        return Godwit.configure().url(db.url()).locations("migrations").baseDirectory(base).load();
    }

    /** A boolean column as a condition: SQLite stores booleans as 0 and 1, PostgreSQL as booleans. */
    private static String isTrue(String column) {
        return "CASE WHEN " + column + " THEN 1 ELSE 0 END = 1";
    }

    @Test
    void appliesPendingMigrationsOnceAndRecordsThem() throws Exception {
        write("20261101000000_a.sql", "-- godwit:up\nCREATE TABLE a (id int);\n-- godwit:down\nDROP TABLE a;\n");
        write("20261101000001_b.sql", "CREATE TABLE b (id int);");
        MigrateResult first = godwit().migrate();
        assertEquals(List.of("20261101000000_a", "20261101000001_b"),
                first.applied().stream().map(r -> r.id().value()).toList());
        MigrateResult second = godwit().migrate();
        assertTrue(second.nothingToDo());
        assertEquals(2, second.upToDate());
        assertEquals(List.of("1|20261101000000_a", "2|20261101000001_b"),
                db.column("SELECT seq || '|' || id FROM godwit_history ORDER BY seq"));
        List<String> downs = db.column("SELECT down_sql FROM godwit_history ORDER BY seq");
        assertEquals("DROP TABLE a;", downs.get(0).strip());
        assertEquals(null, downs.get(1));
        assertEquals(List.of("2"), db.column("SELECT count(*) FROM godwit_history WHERE " + isTrue("success")
                + " AND length(checksum) = 64 AND godwit_version IS NOT NULL AND applied_by IS NOT NULL"));
        assertTrue(godwit().status().migrations().stream().allMatch(s -> s.appliedAt().isPresent()));
    }

    @Test
    void migrationFailingAtItsSecondStatementLeavesDatabaseAndHistoryUnchanged() throws Exception {
        write("20261101000000_bad.sql", "-- godwit:up\nCREATE TABLE first_one (id int);\nCREATE TABLE first_one (id int);\n");
        GodwitException e = assertThrows(GodwitException.class, () -> godwit().migrate());
        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("Migration 20261101000000_bad failed at statement 2 "
                + "(migrations/20261101000000_bad.sql:3): "), e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing from this migration was applied."), e.getMessage());
        assertFalse(db.hasTable("first_one"));
        assertEquals(List.of("0"), db.column("SELECT count(*) FROM godwit_history"));
    }

    @Test
    void targetAppliesOnlyItAndWhatItDependsOn() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);");
        write("20261101000001_b.sql", "CREATE TABLE b (id int);");
        write("20261101000002_c.sql", "CREATE TABLE c (id int);");
        godwit().migrate(MigrateOptions.all().withTarget("20261101000001_b"));
        assertTrue(db.hasTable("b"));
        assertFalse(db.hasTable("c"));
    }

    @Test
    void dryRunChangesNothingNotEvenTheHistoryTable() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);");
        MigrateResult plan = godwit().migrate(MigrateOptions.all().dryRun());
        assertEquals(List.of("CREATE TABLE a (id int)"), plan.applied().get(0).statements());
        assertFalse(db.hasTable("a"));
        assertFalse(db.hasTable("godwit_history"));
    }

    @Test
    void rollbackUsesTheStoredDownTextAfterTheFileIsDeleted() throws Exception {
        write("20261101000000_a.sql", "-- godwit:up\nCREATE TABLE a (id int);\n-- godwit:down\nDROP TABLE a;\n");
        write("20261101000001_b.sql", "-- godwit:up\nCREATE TABLE b (id int);\n-- godwit:down\nDROP TABLE b;\n");
        godwit().migrate();
        Files.delete(base.resolve("migrations/20261101000001_b.sql"));
        assertEquals(MigrationState.MISSING, godwit().status().migrations().get(1).state());
        godwit().rollback(RollbackOptions.steps(1));
        assertFalse(db.hasTable("b"));
        assertTrue(db.hasTable("a"));
        godwit().rollback(RollbackOptions.toTarget("20261101000000_a"));
        assertTrue(db.hasTable("a"), "the target stays applied");
    }

    @Test
    void rollbackOfAMigrationWithoutDownRefusesAndChangesNothing() throws Exception {
        write("20261101000000_a.sql", "-- godwit:up\nCREATE TABLE a (id int);\n-- godwit:down\nDROP TABLE a;\n");
        write("20261101000001_b.sql", "CREATE TABLE b (id int);");
        godwit().migrate();
        GodwitException e = assertThrows(GodwitException.class, () -> godwit().rollback(RollbackOptions.steps(2)));
        assertEquals(ErrorCode.ROLLBACK, e.code());
        assertTrue(e.getMessage().contains("20261101000001_b"), e.getMessage());
        assertTrue(db.hasTable("a") && db.hasTable("b"));
    }

    @Test
    void failedNonTransactionalMigrationIsMarkedUntilRepaired() throws Exception {
        write("20261101000000_nt.sql", "-- godwit:no-transaction\n-- godwit:up\nCREATE TABLE nt (id int);\n"
                + "INSERT INTO missing_table VALUES (1);\n");
        GodwitException e = assertThrows(GodwitException.class, () -> godwit().migrate());
        assertTrue(e.getMessage().contains("ran without a transaction"), e.getMessage());
        assertTrue(db.hasTable("nt"), "statement 1 committed on its own");
        assertEquals(List.of("0"), db.column("SELECT count(*) FROM godwit_history WHERE " + isTrue("success")));
        assertEquals(List.of("1"), db.column("SELECT count(*) FROM godwit_history"));
        assertEquals(MigrationState.FAILED, godwit().status().migrations().get(0).state());
        assertEquals(ErrorCode.VALIDATION, assertThrows(GodwitException.class, () -> godwit().migrate()).code());
        assertEquals(1, godwit().repair().clearedFailures().size());
        write("20261101000000_nt.sql", "-- godwit:no-transaction\n-- godwit:up\nCREATE TABLE IF NOT EXISTS nt (id int);\n");
        assertEquals(1, godwit().migrate().applied().size());
    }

    @Test
    void historyTableNameIsConfigurable() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);");
        Godwit.configure().url(db.url()).locations("migrations").baseDirectory(base).table("schema_log").load()
                .migrate();
        assertTrue(db.hasTable("schema_log"));
        assertFalse(db.hasTable("godwit_history"));
    }

    @Test
    void eightThreadsMigratingAtOnceApplyEachMigrationExactlyOnce() throws Exception {
        write("20261101000000_counter.sql", "CREATE TABLE applied (name varchar(20));");
        for (int i = 1; i <= 6; i++) {
            write(String.format("20261101%06d_m%d.sql", i, i), "CREATE TABLE t" + i + " (id int);\n"
                    + "INSERT INTO applied VALUES ('m" + i + "');");
        }
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<MigrateResult>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                Godwit own = godwit();
                start.await();
                return own.migrate();
            }));
        }
        start.countDown();
        int applied = 0;
        for (Future<MigrateResult> result : results) {
            applied += result.get(120, TimeUnit.SECONDS).applied().size();
        }
        pool.shutdown();
        assertEquals(7, applied, "each migration applied by exactly one thread");
        assertEquals(List.of("6"), db.column("SELECT count(*) FROM applied"));
        assertEquals(List.of("7"), db.column("SELECT count(*) FROM godwit_history"));
    }
}
