package dev.godwit.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.Godwit;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.migrate.MigrateOptions;
import dev.godwit.migrate.MigrationState;
import dev.godwit.migrate.RollbackOptions;
import dev.godwit.migrate.TransactionMode;
import dev.godwit.testkit.MigratorContract;
import dev.godwit.testkit.MysqlTestDatabase;
import dev.godwit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MysqlMigratorTest extends MigratorContract {

    @Override
    protected TestDatabase newDatabase() {
        return MysqlTestDatabase.create();
    }

    @Override
    protected Optional<String> duplicateTableSqlState() {
        return Optional.of("42S01");
    }

    @Override
    protected String expectedAppliedBy() throws SQLException {
        try (Connection c = db.connect()) {
            return c.getMetaData().getUserName();
        }
    }

    /**
     * MySQL commits before and after every DDL statement, so the first statement of a failing migration stays
     * applied whatever the migrator does. What it can do, and does, is leave a failed mark naming the migration.
     */
    @Test
    @Override
    protected void migrationFailingAtItsSecondStatementLeavesDatabaseAndHistoryUnchanged() throws Exception {
        write("20261101000000_ok.sql", "CREATE TABLE ok (id int);");
        write("20261101000001_bad.sql", "-- godwit:up\nCREATE TABLE first_one (id int);\n"
                + "CREATE TABLE first_one (id int);\n");
        GodwitException e = assertThrows(GodwitException.class, () -> godwit().migrate());
        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("Migration 20261101000001_bad failed at statement 2 "
                + "(migrations/20261101000001_bad.sql:3): Table 'first_one' already exists [SQLState 42S01]. "
                + "It ran without a transaction: the statements before it stay applied, and godwit_history marks "
                + "20261101000001_bad as failed."), e.getMessage());
        assertTrue(db.hasTable("first_one"), "DDL committed on its own");
        assertEquals(List.of("20261101000000_ok|1", "20261101000001_bad|0"),
                db.column("SELECT id || '|' || success FROM godwit_history ORDER BY seq"));
        assertEquals(MigrationState.FAILED, godwit().status().migrations().get(1).state());
    }

    /** As the contract's, except that every migration is recorded as run without a transaction (see above). */
    @Test
    @Override
    protected void historyRowRecordsChecksumsDownTextUserVersionAndTime() throws Exception {
        write("20261101000000_create_a.sql", "-- godwit:up\nCREATE TABLE a (id int);\n-- godwit:down\nDROP TABLE a;\n");
        write("20261101000001_b.sql", "CREATE TABLE b (id int);");
        List<dev.godwit.migrate.MigrationRun> runs = godwit().migrate().applied();
        assertEquals(List.of(TransactionMode.NON_TRANSACTIONAL, TransactionMode.NON_TRANSACTIONAL),
                runs.stream().map(dev.godwit.migrate.MigrationRun::transactionMode).toList());
        assertEquals(List.of("2"), db.column("SELECT count(*) FROM godwit_history WHERE success AND NOT in_transaction "
                + "AND length(sql_checksum) = 64 AND duration_ms >= 0 AND applied_by = '" + expectedAppliedBy() + "'"));
        assertEquals("DROP TABLE a;", db.column("SELECT down_sql FROM godwit_history WHERE seq = 1").get(0).strip());
        java.time.Instant at = godwit().status().migrations().get(0).appliedAt().orElseThrow();
        assertTrue(Math.abs(java.time.Duration.between(at, java.time.Instant.now()).toSeconds()) < 120,
                "applied_at read back as " + at + ": the session's time zone must be UTC");
    }

    @Test
    void rollbackOfAMigrationRunsItsDownSectionAndForgetsIt() throws Exception {
        write("20261101000000_a.sql", "-- godwit:up\nCREATE TABLE a (id int);\n-- godwit:down\nDROP TABLE a;\n");
        godwit().migrate();
        godwit().rollback(RollbackOptions.steps(1));
        assertEquals(List.of(), db.column("SELECT id FROM godwit_history"));
        assertTrue(!db.hasTable("a"));
    }

    @Test
    void storedProgramsWithDelimitersAndBodiesMigrate() throws Exception {
        write("20261101000000_p.sql", """
                CREATE TABLE t (id int, note varchar(40));
                DELIMITER $$
                CREATE PROCEDURE add_one(IN n int)
                BEGIN
                  IF n > 0 THEN
                    INSERT INTO t VALUES (n, 'proc; with semicolon');
                  END IF;
                END$$
                DELIMITER ;
                CREATE TRIGGER t_bump BEFORE INSERT ON t FOR EACH ROW
                BEGIN
                  CASE WHEN NEW.id > 100 THEN SET NEW.id = 100; ELSE SET NEW.id = NEW.id + 1; END CASE;
                END;
                # a hash comment; not a statement
                CALL add_one(1);
                """);
        assertEquals(4, godwit().migrate().applied().get(0).statements().size());
        assertEquals(List.of("2|proc; with semicolon"), db.column("SELECT id || '|' || note FROM t"));
    }

    @Test
    void schemaNamesTheDatabaseThatHoldsHistoryAndUnqualifiedObjects() throws Exception {
        String tenant = ((MysqlTestDatabase) db).name() + "_t";
        write("20261101000000_a.sql", "CREATE TABLE a (id int);");
        try {
            Godwit godwit = configure().schema(tenant).load();
            godwit.migrate(MigrateOptions.all().dryRun());
            assertEquals(List.of(), db.column("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA "
                    + "WHERE SCHEMA_NAME = '" + tenant + "'"), "a dry run creates nothing");
            assertEquals(1, godwit.migrate().applied().size());
            assertTrue(godwit.migrate().nothingToDo());
            assertEquals(List.of("a", "godwit_history"), db.column("SELECT TABLE_NAME FROM information_schema.TABLES "
                    + "WHERE TABLE_SCHEMA = '" + tenant + "' ORDER BY 1"));
            assertTrue(!db.hasTable("a"));
        } finally {
            db.execute("DROP DATABASE IF EXISTS `" + tenant + "`");
        }
    }
}
