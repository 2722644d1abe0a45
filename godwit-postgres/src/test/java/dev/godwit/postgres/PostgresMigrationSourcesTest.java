package dev.godwit.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.Godwit;
import dev.godwit.GodwitConfig;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.migrate.Callback;
import dev.godwit.migrate.JavaMigration;
import dev.godwit.migrate.Migration;
import dev.godwit.migrate.TableMigrationSource;
import dev.godwit.model.QualifiedName;
import dev.godwit.testkit.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sources, Java migrations and callbacks where PostgreSQL's transactional DDL makes failures leave nothing. */
class PostgresMigrationSourcesTest {

    private PostgresTestDatabase db;

    @BeforeEach
    void open() {
        db = PostgresTestDatabase.create();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private GodwitConfig.Builder configure() {
        return Godwit.configure().url(db.url());
    }

    /** Creates a table, then fails: the table must go with the transaction. */
    static final class FailingHalfway implements JavaMigration {
        @Override
        public String id() {
            return "20261101000001_failing";
        }

        @Override
        public void up(Context context) throws Exception {
            try (Statement s = context.connection().createStatement()) {
                s.execute("CREATE TABLE half (id int)");
            }
            throw new IllegalStateException("the backfill found a bad row");
        }
    }

    @Test
    void javaMigrationThatThrowsLeavesNeitherItsTablesNorAHistoryRow() throws Exception {
        GodwitException e = assertThrows(GodwitException.class, () -> configure()
                .migrations(Migration.sql("20261101000000_a", "CREATE TABLE a (id int);"))
                .javaMigrations(new FailingHalfway()).load().migrate());
        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertTrue(e.getMessage().startsWith("Migration 20261101000001_failing failed (java:"
                + FailingHalfway.class.getName() + "): java.lang.IllegalStateException: the backfill found a bad row. "
                + "Nothing from this migration was applied."), e.getMessage());
        assertFalse(db.hasTable("half"));
        assertTrue(db.hasTable("a"));
        assertEquals(List.of("20261101000000_a"), db.column("SELECT id FROM godwit_history"));
    }

    @Test
    void failingAfterEachMigrateCallbackRollsTheMigrationBack() throws Exception {
        Callback refuseB = (event, context) -> {
            if (event == Callback.Event.AFTER_EACH_MIGRATE
                    && context.migration().orElseThrow().id().value().equals("20261101000001_b")) {
                throw new IllegalStateException("b is not allowed today");
            }
        };
        GodwitException e = assertThrows(GodwitException.class, () -> configure().callbacks(refuseB)
                .migrations(Migration.sql("20261101000000_a", "CREATE TABLE a (id int);"),
                        Migration.sql("20261101000001_b", "CREATE TABLE b (id int);")).load().migrate());
        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertTrue(e.getMessage().contains("failed in afterEachMigrate of migration 20261101000001_b"),
                e.getMessage());
        assertTrue(db.hasTable("a"));
        assertFalse(db.hasTable("b"), "b's statements rolled back with the callback's failure");
        assertEquals(List.of("20261101000000_a"), db.column("SELECT id FROM godwit_history"));
    }

    @Test
    void migrationTableInATenantSchemaIsCreatedThereByAddAndApplied() throws Exception {
        TableMigrationSource table = new TableMigrationSource(QualifiedName.of("tenant_a", "pending_sql"));
        Godwit godwit = configure().schema("tenant_a").source(table).load();
        assertTrue(godwit.migrate().nothingToDo());
        assertFalse(db.hasTable("tenant_a.pending_sql"), "reading does not create the table");
        try (Connection c = db.connect()) {
            table.add(c, "20261101000000_t", "-- godwit:no-transaction\nCREATE TABLE t (id int);\n"
                    + "CREATE INDEX CONCURRENTLY t_id ON t (id);", "DROP TABLE t;");
        }
        assertEquals(2, godwit.migrate().applied().get(0).statements().size());
        assertTrue(db.hasTable("tenant_a.t"));
        assertEquals(List.of("false"), db.column("SELECT in_transaction::text FROM tenant_a.godwit_history"));
    }
}
