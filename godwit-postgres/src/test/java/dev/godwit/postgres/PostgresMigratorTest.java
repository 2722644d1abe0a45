package dev.godwit.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.Godwit;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.migrate.MigrateOptions;
import dev.godwit.migrate.RollbackOptions;
import dev.godwit.testkit.MigratorContract;
import dev.godwit.testkit.PostgresTestDatabase;
import dev.godwit.testkit.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresMigratorTest extends MigratorContract {

    @Override
    protected TestDatabase newDatabase() {
        return PostgresTestDatabase.create();
    }

    @Override
    protected Optional<String> duplicateTableSqlState() {
        return Optional.of("42P07");
    }

    @Override
    protected String expectedAppliedBy() throws SQLException {
        try (Connection c = db.connect()) {
            return c.getMetaData().getUserName();
        }
    }

    @Test
    void schemaHoldsHistoryAndUnqualifiedObjectsPerTenant() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);\nCREATE VIEW v AS SELECT id FROM a;");
        for (String tenant : List.of("tenant_a", "tenant_b")) {
            Godwit godwit = configure().schema(tenant).load();
            assertEquals(1, godwit.migrate().applied().size(), tenant);
            assertTrue(godwit.migrate().nothingToDo(), tenant);
        }
        assertEquals(List.of("tenant_a.a", "tenant_a.godwit_history", "tenant_a.v", "tenant_b.a",
                        "tenant_b.godwit_history", "tenant_b.v"),
                db.column("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                        + "WHERE table_schema LIKE 'tenant%' ORDER BY 1"));
        assertFalse(db.hasTable("public.a") || db.hasTable("public.godwit_history"));
    }

    @Test
    void dryRunInASchemaDoesNotCreateTheSchema() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);");
        configure().schema("tenant_a").load().migrate(MigrateOptions.all().dryRun());
        assertEquals(List.of(), db.column("SELECT nspname FROM pg_namespace WHERE nspname = 'tenant_a'"));
    }

    @Test
    void dollarQuotedFunctionBodiesMigrate() throws Exception {
        write("20261101000000_f.sql", "CREATE TABLE t (id int);\nCREATE FUNCTION touch() RETURNS trigger AS $$\n"
                + "BEGIN\n  NEW.id := NEW.id + 1; -- not the end;\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql;\n"
                + "CREATE FUNCTION greet(name text) RETURNS text LANGUAGE sql AS $body$ SELECT 'hi; ' || name $body$;\n"
                + "CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT x * 2;\nEND;\n"
                + "CREATE TRIGGER t_touch BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION touch();\n");
        assertEquals(5, godwit().migrate().applied().get(0).statements().size());
        db.execute("INSERT INTO t VALUES (1)");
        assertEquals(List.of("2|hi; you|6"), db.column("SELECT id || '|' || greet('you') || '|' || twice(3) FROM t"));
    }

    @Test
    void createIndexConcurrentlyRunsInANoTransactionMigrationAndRollsBack() throws Exception {
        write("20261101000000_t.sql", "CREATE TABLE t (id int);\nINSERT INTO t SELECT generate_series(1, 1000);");
        write("20261101000001_i.sql", "-- godwit:no-transaction\n-- godwit:up\n"
                + "CREATE INDEX CONCURRENTLY t_id ON t (id);\n-- godwit:down\nDROP INDEX CONCURRENTLY t_id;\n");
        godwit().migrate();
        assertEquals(List.of("t_id|true"), db.column("SELECT indexrelid::regclass || '|' || indisvalid FROM pg_index "
                + "WHERE indrelid = 't'::regclass"));
        assertEquals(List.of("false|true"), db.column("SELECT in_transaction || '|' || success FROM godwit_history "
                + "WHERE id = '20261101000001_i'"));
        godwit().rollback(RollbackOptions.steps(1));
        assertEquals(List.of(), db.column("SELECT indexrelid FROM pg_index WHERE indrelid = 't'::regclass"));
        assertEquals(List.of("20261101000000_t"), db.column("SELECT id FROM godwit_history"));
    }

    @Test
    void concurrentIndexInATransactionalMigrationFailsAndChangesNothing() throws Exception {
        write("20261101000000_i.sql", "CREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY t_id ON t (id);");
        GodwitException e = assertThrows(GodwitException.class, () -> godwit().migrate());
        assertTrue(e.getMessage().contains("cannot run inside a transaction block [SQLState 25001]"), e.getMessage());
        assertFalse(db.hasTable("t"));
    }

    @Test
    void deferredConstraintFailingAtCommitIsReportedAsTheMigrationsFailure() throws Exception {
        write("20261101000000_fk.sql", "CREATE TABLE parent (id int PRIMARY KEY);\n"
                + "CREATE TABLE child (parent_id int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);\n"
                + "INSERT INTO child VALUES (1);\n");
        GodwitException e = assertThrows(GodwitException.class, () -> godwit().migrate());
        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("Migration 20261101000000_fk failed at commit "
                + "(migrations/20261101000000_fk.sql): "), e.getMessage());
        assertTrue(e.getMessage().contains("violates foreign key constraint"), e.getMessage());
        assertTrue(e.getMessage().endsWith("[SQLState 23503]. Nothing from this migration was applied."),
                e.getMessage());
        assertFalse(db.hasTable("parent"));
        assertEquals(List.of("0"), db.column("SELECT count(*) FROM godwit_history"));
    }

    @Test
    void rollbackViolatingADeferredConstraintAtCommitKeepsTheMigrationApplied() throws Exception {
        write("20261101000000_fk.sql", "-- godwit:up\nCREATE TABLE parent (id int PRIMARY KEY);\n"
                + "CREATE TABLE child (parent_id int REFERENCES parent DEFERRABLE INITIALLY DEFERRED);\n"
                + "INSERT INTO parent VALUES (1);\nINSERT INTO child VALUES (1);\n"
                + "-- godwit:down\nDELETE FROM parent;\n");
        godwit().migrate();
        GodwitException e = assertThrows(GodwitException.class, () -> godwit().rollback(RollbackOptions.steps(1)));
        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("Rollback of migration 20261101000000_fk failed at commit"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("Nothing of this rollback was applied; the migration stays applied."),
                e.getMessage());
        assertEquals(List.of("1"), db.column("SELECT id FROM parent"));
        assertEquals(List.of("20261101000000_fk"), db.column("SELECT id FROM godwit_history"));
    }
}
