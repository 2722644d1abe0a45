package dev.godwit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.Godwit;
import dev.godwit.GodwitVersion;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.migrate.MigrateOptions;
import dev.godwit.migrate.Migration;
import dev.godwit.migrate.MigrateResult;
import dev.godwit.migrate.MigrationId;
import dev.godwit.migrate.MigrationScript;
import dev.godwit.migrate.MigrationState;
import dev.godwit.migrate.MigrationStatus;
import dev.godwit.migrate.RepairResult;
import dev.godwit.migrate.RollbackOptions;
import dev.godwit.migrate.ValidateResult;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;


/**
 * What every dialect's migrator must do, run against a real database of that dialect through the public API
 * ({@code Godwit.configure()...load().migrate()}), with migration files in a temporary directory. A dialect module's
 * test extends this class and says how to make a fresh database; each test gets its own and closes it. The two
 * tests that rest on transactional DDL are protected: a database without it (MySQL) overrides them with what it does
 * instead, and says why. The contract for migrations that are not files is {@link MigrationSourcesContract}, which
 * this class extends.
 */
public abstract class MigratorContract extends MigrationSourcesContract {

    @Test
    void appliesPendingMigrationsOnceAndSecondMigrateFindsNothingToDo() throws Exception {
        write("20261101000000_a.sql", "-- godwit:up\nCREATE TABLE a (id int);\n-- godwit:down\nDROP TABLE a;\n");
        write("20261101000001_b.sql", "CREATE TABLE b (id int);");
        MigrateResult first = godwit().migrate();
        assertEquals(List.of("20261101000000_a", "20261101000001_b"), ids(first.applied()));
        assertEquals(0, first.upToDate());
        MigrateResult second = godwit().migrate();
        assertTrue(second.nothingToDo());
        assertEquals(2, second.upToDate());
        assertEquals(List.of("1|20261101000000_a", "2|20261101000001_b"),
                db.column("SELECT seq || '|' || id FROM godwit_history ORDER BY seq"));
    }

    @Test
    void appliesInDependencyOrderWhenItDiffersFromIdOrder() throws Exception {
        write("20261101000001_a.sql", "CREATE TABLE a (id int);");
        // b uses c's table, so it only succeeds when the DAG, not the id, decides that c goes first.
        write("20261101000002_b.sql", "-- godwit:depends 20261101000003_c\nINSERT INTO c VALUES (1);");
        write("20261101000003_c.sql", "-- godwit:depends 20261101000001\nCREATE TABLE c (id int);");
        List<String> expected = List.of("20261101000001_a", "20261101000003_c", "20261101000002_b");
        assertEquals(expected, ids(godwit().migrate().applied()));
        assertEquals(expected, historyIds());
        assertEquals(List.of("1"), db.column("SELECT count(*) FROM c"));
    }

    @Test
    protected void historyRowRecordsChecksumsDownTextUserVersionAndTime() throws Exception {
        String text = "-- godwit:up\nCREATE TABLE a (id int);\n-- godwit:down\nDROP TABLE a;\n";
        write("20261101000000_create_a.sql", text);
        write("20261101000001_b.sql", "CREATE TABLE b (id int);");
        Instant before = Instant.now().minusSeconds(120);
        godwit().migrate();
        Instant after = Instant.now().plusSeconds(120);
        String checksum = MigrationScript.parse(MigrationId.of("20261101000000_create_a"), "create a",
                "migrations/20261101000000_create_a.sql", text).checksum();
        assertEquals(List.of(String.join("|", "1", "20261101000000_create_a", "create a", "SQL",
                        "migrations/20261101000000_create_a.sql", checksum, expectedAppliedBy(), GodwitVersion.get())),
                db.column("SELECT seq || '|' || id || '|' || description || '|' || kind || '|' || script || '|' "
                        + "|| checksum || '|' || applied_by || '|' || godwit_version "
                        + "FROM godwit_history WHERE seq = 1"));
        assertEquals("DROP TABLE a;", db.column("SELECT down_sql FROM godwit_history WHERE seq = 1").get(0).strip());
        assertEquals(List.of("2"), db.column("SELECT count(*) FROM godwit_history WHERE " + isTrue("success")
                + " AND " + isTrue("in_transaction") + " AND length(sql_checksum) = 64 AND duration_ms >= 0"));
        assertEquals(List.of("0"), db.column("SELECT count(*) FROM godwit_history WHERE down_sql IS NOT NULL "
                + "AND id = '20261101000001_b'"));
        for (MigrationStatus s : godwit().status().migrations()) {
            assertEquals(MigrationState.APPLIED, s.state());
            Instant at = s.appliedAt().orElseThrow();
            assertTrue(at.isAfter(before) && at.isBefore(after), "applied_at read back as " + at);
        }
    }

    @Test
    protected void migrationFailingAtItsSecondStatementLeavesDatabaseAndHistoryUnchanged() throws Exception {
        write("20261101000000_ok.sql", "CREATE TABLE ok (id int);");
        write("20261101000001_bad.sql", "-- godwit:up\nCREATE TABLE first_one (id int);\n"
                + "CREATE TABLE first_one (id int);\n");
        GodwitException e = assertThrows(GodwitException.class, () -> godwit().migrate());
        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("Migration 20261101000001_bad failed at statement 2 "
                + "(migrations/20261101000001_bad.sql:3): "), e.getMessage());
        assertContains(e.getMessage(), "first_one", "already exists");
        duplicateTableSqlState().ifPresent(state -> assertContains(e.getMessage(), "[SQLState " + state + "]"));
        assertTrue(e.getMessage().endsWith("Nothing from this migration was applied."), e.getMessage());
        assertFalse(db.hasTable("first_one"));
        assertTrue(db.hasTable("ok"), "the migration before it stays applied");
        assertEquals(List.of("20261101000000_ok"), historyIds());
    }

    @Test
    void targetAppliesOnlyItAndWhatItDependsOn() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);");
        write("20261101000001_b.sql", "CREATE TABLE b (id int);");
        write("20261101000002_c.sql", "-- godwit:depends 20261101000000_a\nCREATE TABLE c (id int);");
        write("20261101000003_d.sql", "CREATE TABLE d (id int);");
        MigrateResult result = godwit().migrate(MigrateOptions.all().withTarget("20261101000002_c"));
        assertEquals(List.of("20261101000000_a", "20261101000002_c"), ids(result.applied()));
        assertEquals(0, result.upToDate(), "nothing was applied before this run");
        assertFalse(db.hasTable("b"));
        assertFalse(db.hasTable("d"));
        assertEquals(List.of("20261101000000_a", "20261101000002_c"), historyIds());
        MigrateResult rest = godwit().migrate();
        assertEquals(List.of("20261101000001_b", "20261101000003_d"), ids(rest.applied()));
        assertEquals(2, rest.upToDate());
    }

    @Test
    void dryRunChangesNothingNotEvenTheHistoryTable() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);");
        MigrateResult plan = godwit().migrate(MigrateOptions.all().dryRun());
        assertTrue(plan.dryRun());
        assertEquals(List.of("CREATE TABLE a (id int)"), plan.applied().get(0).statements());
        assertFalse(db.hasTable("a"));
        assertFalse(db.hasTable("godwit_history"));

        godwit().migrate();
        write("20261101000001_b.sql", "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);");
        MigrateResult next = godwit().migrate(MigrateOptions.all().dryRun());
        assertEquals(List.of("CREATE TABLE b (id int)", "INSERT INTO b VALUES (1)"),
                next.applied().get(0).statements());
        assertEquals(1, next.upToDate());
        assertFalse(db.hasTable("b"));
        assertEquals(List.of("20261101000000_a"), historyIds());
    }

    @Test
    void rollbackByStepsAndToATargetRunsDownSectionsNewestFirst() throws Exception {
        for (String t : List.of("a", "b", "c", "d")) {
            write("2026110100000" + (t.charAt(0) - 'a') + "_" + t + ".sql",
                    "-- godwit:up\nCREATE TABLE " + t + " (id int);\n-- godwit:down\nDROP TABLE " + t + ";\n");
        }
        godwit().migrate();
        assertEquals(List.of("20261101000003_d"), ids(godwit().rollback(RollbackOptions.steps(1)).rolledBack()));
        assertFalse(db.hasTable("d"));
        assertEquals(List.of("20261101000002_c", "20261101000001_b"),
                ids(godwit().rollback(RollbackOptions.toTarget("20261101000000_a")).rolledBack()));
        assertFalse(db.hasTable("c") || db.hasTable("b"));
        assertTrue(db.hasTable("a"), "the target stays applied");
        assertEquals(List.of("20261101000000_a"), historyIds());
        assertEquals(List.of("20261101000001_b", "20261101000002_c", "20261101000003_d"),
                ids(godwit().migrate().applied()));
    }

    @Test
    void rollbackUsesTheStoredDownTextAfterTheFileIsDeleted() throws Exception {
        write("20261101000000_a.sql", "-- godwit:up\nCREATE TABLE a (id int);\n-- godwit:down\nDROP TABLE a;\n");
        write("20261101000001_b.sql", "-- godwit:up\nCREATE TABLE b (id int);\n-- godwit:down\nDROP TABLE b;\n");
        godwit().migrate();
        Files.delete(base.resolve("migrations/20261101000001_b.sql"));
        assertEquals(MigrationState.MISSING, godwit().status().migrations().get(1).state());
        assertEquals(List.of("DROP TABLE b"),
                godwit().rollback(RollbackOptions.steps(1)).rolledBack().get(0).statements());
        assertFalse(db.hasTable("b"));
        assertTrue(db.hasTable("a"));
        assertEquals(List.of("20261101000000_a"), historyIds());
    }

    @Test
    void rollbackOfAMigrationWithoutDownRefusesAndChangesNothing() throws Exception {
        write("20261101000000_a.sql", "-- godwit:up\nCREATE TABLE a (id int);\n-- godwit:down\nDROP TABLE a;\n");
        write("20261101000001_b.sql", "-- godwit:up\nCREATE TABLE b (id int);\n-- godwit:down\n\n");
        write("20261101000002_c.sql", "-- godwit:up\nCREATE TABLE c (id int);\n-- godwit:down\nDROP TABLE c;\n");
        godwit().migrate();
        GodwitException e = assertThrows(GodwitException.class, () -> godwit().rollback(RollbackOptions.steps(3)));
        assertEquals(ErrorCode.ROLLBACK, e.code());
        assertTrue(e.getMessage().startsWith("Nothing was rolled back: 20261101000001_b "
                + "(migrations/20261101000001_b.sql) has no down section."), e.getMessage());
        assertTrue(db.hasTable("a") && db.hasTable("b") && db.hasTable("c"), "c's down did not run either");
        assertEquals(3, historyIds().size());
    }

    @Test
    void changedFileIsRefusedByMigrateAndValidateNamingBothChecksums() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);");
        godwit().migrate();
        String applied = db.column("SELECT checksum FROM godwit_history").get(0);
        write("20261101000000_a.sql", "CREATE TABLE a (id bigint);");
        write("20261101000001_b.sql", "CREATE TABLE b (id int);");
        String now = MigrationScript.parse(MigrationId.of("20261101000000_a"), "a", "a.sql",
                "CREATE TABLE a (id bigint);").checksum();

        GodwitException e = assertThrows(GodwitException.class, () -> godwit().migrate());
        assertEquals(ErrorCode.VALIDATION, e.code());
        assertContains(e.getMessage(), "Nothing was applied", "migrations/20261101000000_a.sql was changed after it "
                + "was applied", "applied checksum " + applied, "file checksum " + now, "godwit repair");
        assertFalse(db.hasTable("b"));

        ValidateResult validation = godwit().validate();
        assertFalse(validation.valid());
        assertEquals(1, validation.problems().size());
        assertContains(validation.problems().get(0).detail().orElseThrow(), applied, now);
        assertEquals(MigrationState.CHANGED, godwit().status().migrations().get(0).state());
    }

    @Test
    void whitespaceOrCommentOnlyChangeIsReportedAsSuchAndRepairAcceptsIt() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a(id int, name varchar(20));\n");
        godwit().migrate();
        write("20261101000000_a.sql", "-- the a table\nCREATE TABLE a (\n    id   int,\n    name varchar(20) -- shown\n"
                + ");\n");
        MigrationStatus changed = godwit().status().migrations().get(0);
        assertEquals(MigrationState.CHANGED, changed.state());
        assertContains(changed.detail().orElseThrow(), "changed only in whitespace or comments");
        assertEquals(ErrorCode.VALIDATION, assertThrows(GodwitException.class, () -> godwit().migrate()).code());

        RepairResult repair = godwit().repair();
        assertEquals(List.of(MigrationId.of("20261101000000_a")), repair.realigned());
        assertTrue(repair.clearedFailures().isEmpty());
        assertTrue(godwit().validate().valid());
        assertEquals(MigrationState.APPLIED, godwit().status().migrations().get(0).state());
        assertTrue(godwit().migrate().nothingToDo());
    }

    @Test
    void realEditIsNotMistakenForAWhitespaceChange() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);\n");
        godwit().migrate();
        write("20261101000000_a.sql", "CREATE TABLE a (id int);\nCREATE INDEX a_id ON a (id);\n");
        String detail = godwit().status().migrations().get(0).detail().orElseThrow();
        assertContains(detail, "was changed after it was applied");
        assertFalse(detail.contains("only in whitespace"), detail);
    }

    @Test
    void failedNonTransactionalMigrationIsMarkedUntilRepaired() throws Exception {
        write("20261101000000_nt.sql", "-- godwit:no-transaction\n-- godwit:up\nCREATE TABLE nt (id int);\n"
                + "INSERT INTO missing_table VALUES (1);\n");
        GodwitException e = assertThrows(GodwitException.class, () -> godwit().migrate());
        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertContains(e.getMessage(), "failed at statement 2 (migrations/20261101000000_nt.sql:4)",
                "ran without a transaction", "godwit repair");
        assertTrue(db.hasTable("nt"), "statement 1 committed on its own");
        assertEquals(List.of("0"), db.column("SELECT count(*) FROM godwit_history WHERE " + isTrue("success")));
        assertEquals(List.of("20261101000000_nt"), historyIds());

        MigrationStatus status = godwit().status().migrations().get(0);
        assertEquals(MigrationState.FAILED, status.state());
        assertContains(status.detail().orElseThrow(), "did not finish", "godwit repair");
        GodwitException refused = assertThrows(GodwitException.class, () -> godwit().migrate());
        assertEquals(ErrorCode.VALIDATION, refused.code());
        assertContains(refused.getMessage(), "Nothing was applied", "20261101000000_nt");

        assertEquals(List.of(MigrationId.of("20261101000000_nt")), godwit().repair().clearedFailures());
        assertEquals(MigrationState.PENDING, godwit().status().migrations().get(0).state());
        // The fix by hand: undo what statement 1 left behind, and correct the file.
        db.execute("DROP TABLE nt");
        write("20261101000000_nt.sql", "-- godwit:no-transaction\n-- godwit:up\nCREATE TABLE nt (id int);\n");
        assertEquals(List.of("20261101000000_nt"), ids(godwit().migrate().applied()));
        assertEquals(List.of("1"), db.column("SELECT count(*) FROM godwit_history WHERE " + isTrue("success")));
        assertEquals(MigrationState.APPLIED, godwit().status().migrations().get(0).state());
    }

    @Test
    void historyTableNameIsConfigurable() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);");
        Godwit custom = configure().table("schema_log").load();
        custom.migrate();
        assertTrue(db.hasTable("schema_log"));
        assertFalse(db.hasTable("godwit_history"));
        assertEquals(MigrationState.APPLIED, custom.status().migrations().get(0).state());
        assertTrue(custom.migrate().nothingToDo());
        assertEquals(List.of("20261101000000_a"), db.column("SELECT id FROM schema_log"));
    }

    @Test
    void eightThreadsMigratingAtOnceApplyEachMigrationExactlyOnce() throws Exception {
        write("20261101000000_counter.sql", "CREATE TABLE applied (name varchar(20));");
        for (int i = 1; i <= 6; i++) {
            write(String.format("20261101%06d_m%d.sql", i, i), "CREATE TABLE t" + i + " (id int);\n"
                    + "INSERT INTO applied VALUES ('m" + i + "');");
        }
        migrateAtOnce(8, this::godwit, 7);
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6"), db.column("SELECT name FROM applied ORDER BY name"));
        assertEquals(List.of("7"), db.column("SELECT count(*) FROM godwit_history"));
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"),
                db.column("SELECT seq FROM godwit_history ORDER BY seq"));
    }
}
