package dev.godwit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.Godwit;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.migrate.Callback;
import dev.godwit.migrate.JavaMigration;
import dev.godwit.migrate.Migration;
import dev.godwit.migrate.MigrationState;
import dev.godwit.migrate.TableMigrationSource;
import dev.godwit.migrate.RollbackOptions;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;


/**
 * What every dialect's migrator must do with migrations that are not files in a directory: in-memory lists, the
 * migration table a running service adds to, Java migrations, repeatables and callbacks, also from 8 threads at once.
 * Extended by {@link MigratorContract}, so a dialect's one contract test runs both.
 */
public abstract class MigrationSourcesContract extends MigratorFixture {

    @Test
    void eightThreadsMigratingTheirOwnInMemoryListsApplyEachMigrationExactlyOnce() throws Exception {
        migrateAtOnce(8, () -> Godwit.configure().url(db.url()).localUser(LOCAL_USER).baseDirectory(base)
                .migrations(counterMigrations().toArray(Migration[]::new)).load(), 7);
        assertEquals(List.of("m1", "m2", "m3", "m4", "m5", "m6"), db.column("SELECT name FROM applied ORDER BY name"));
        assertEquals(List.of("7"), db.column("SELECT count(*) FROM godwit_history"));
    }

    @Test
    void inMemoryMigrationsJoinTheFilesInOneGraphAndDuplicateIdsNameBothSources() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);");
        Godwit godwit = configure().migrations(Migration.sql("20261101000001_b", "CREATE TABLE b (id int);",
                        "DROP TABLE b;"),
                Migration.script("20261101000002_c", "-- godwit:depends 20261101000001\n-- godwit:up\n"
                        + "INSERT INTO b VALUES (1);\n-- godwit:down\nDELETE FROM b;")).load();
        assertEquals(List.of("20261101000000_a", "20261101000001_b", "20261101000002_c"),
                ids(godwit.migrate().applied()));
        assertEquals(List.of("1"), db.column("SELECT count(*) FROM b"));
        assertEquals(List.of("20261101000002_c"), ids(godwit.rollback(RollbackOptions.steps(1)).rolledBack()));

        GodwitException e = assertThrows(GodwitException.class, () -> configure()
                .migrations(Migration.sql("20261101000000_a", "CREATE TABLE a (id int);")).load().migrate());
        assertEquals(ErrorCode.MIGRATION_ORDER, e.code());
        assertContains(e.getMessage(), "migrations/20261101000000_a.sql", "in-memory migration 20261101000000_a");
    }

    @Test
    void rowsTheApplicationInsertsInTheMigrationTableAreApplied() throws Exception {
        TableMigrationSource table = new TableMigrationSource();
        Godwit godwit = Godwit.configure().url(db.url()).localUser(LOCAL_USER).baseDirectory(base).source(table)
                .load();
        assertTrue(godwit.migrate().nothingToDo());
        assertTrue(godwit.status().migrations().isEmpty());
        assertFalse(db.hasTable("godwit_migrations"), "reading a missing migration table does not create it");
        try (Connection c = db.connect()) {
            table.add(c, "20261101000000_users", "CREATE TABLE users (id int);", "DROP TABLE users;");
            table.add(c, "20261101000001_seed", "INSERT INTO users VALUES (7);", null, "20261101000000_users");
        }
        assertEquals(List.of("20261101000000_users", "20261101000001_seed"), ids(godwit.migrate().applied()));
        assertEquals(List.of("7"), db.column("SELECT id FROM users"));
        assertTrue(godwit.migrate().nothingToDo());
        assertEquals("godwit_migrations row 20261101000000_users",
                godwit.status().migrations().get(0).location());
    }

    /** A Java migration: copies a row with JDBC, in the migration's transaction. */
    public static final class V20261101000001__Copy_rows implements JavaMigration {
        private final int version;

        public V20261101000001__Copy_rows() {
            this(1);
        }

        V20261101000001__Copy_rows(int version) {
            this.version = version;
        }

        @Override
        public void up(Context context) throws Exception {
            try (Statement s = context.connection().createStatement()) {
                s.execute("CREATE TABLE copy (id int)");
                s.execute("INSERT INTO copy SELECT id FROM a");
            }
        }

        @Override
        public boolean reversible() {
            return true;
        }

        @Override
        public void down(Context context) throws Exception {
            try (Statement s = context.connection().createStatement()) {
                s.execute("DROP TABLE copy");
            }
        }

        @Override
        public int version() {
            return version;
        }
    }

    @Test
    void javaMigrationRunsInOrderIsRecordedAndItsVersionIsItsChecksum() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (3);");
        write("20261101000002_b.sql", "-- godwit:up\nCREATE TABLE b (id int);\n-- godwit:down\nDROP TABLE b;");
        Godwit godwit = configure().javaMigrations(new V20261101000001__Copy_rows()).load();
        assertEquals(List.of("20261101000000_a", "20261101000001", "20261101000002_b"),
                ids(godwit.migrate().applied()));
        assertEquals(List.of("3"), db.column("SELECT id FROM copy"));
        assertEquals(List.of("JAVA|Copy rows"), db.column("SELECT kind || '|' || description FROM godwit_history "
                + "WHERE id = '20261101000001'"));
        assertTrue(godwit.migrate().nothingToDo());
        assertEquals(MigrationState.CHANGED, configure().javaMigrations(new V20261101000001__Copy_rows(2)).load()
                .status().migrations().get(1).state());
        godwit.rollback(RollbackOptions.steps(2));
        assertFalse(db.hasTable("copy"));
    }

    @Test
    void repeatableMigrationRunsAfterTheVersionedOnesAndAgainWhenItChanges() throws Exception {
        write("20261101000000_a.sql", "CREATE TABLE a (id int);\nCREATE TABLE log (v varchar(10));");
        write("R__log.sql", "INSERT INTO log VALUES ('one');");
        Godwit godwit = configure().migrations(Migration.repeatable("R__after_log",
                "INSERT INTO log VALUES ('after');", "R__log")).load();
        assertEquals(List.of("20261101000000_a", "R__log", "R__after_log"), ids(godwit.migrate().applied()));
        assertTrue(godwit.migrate().nothingToDo());
        write("R__log.sql", "INSERT INTO log VALUES ('two');");
        write("20261101000001_b.sql", "-- godwit:up\nCREATE TABLE b (id int);\n-- godwit:down\nDROP TABLE b;");
        assertEquals(MigrationState.PENDING, godwit.status().migrations().stream()
                .filter(s -> s.id().value().equals("R__log")).findFirst().orElseThrow().state());
        assertEquals(List.of("20261101000001_b", "R__log"), ids(godwit.migrate().applied()));
        assertEquals(List.of("after", "one", "two"), db.column("SELECT v FROM log ORDER BY v"));
        assertEquals(List.of("REPEATABLE_SQL|R__log", "REPEATABLE_SQL|R__after_log"), db.column(
                "SELECT kind || '|' || id FROM godwit_history WHERE kind <> 'SQL' ORDER BY id DESC"));
        assertEquals(List.of("20261101000001_b"), ids(godwit.rollback(RollbackOptions.steps(1)).rolledBack()),
                "rollback passes over repeatable migrations");
    }

    @Test
    void callbacksInCodeAndSqlFilesRunAroundTheRunAndEachMigration() throws Exception {
        db.execute("CREATE TABLE events (name varchar(60))");
        write("beforeMigrate.sql", "INSERT INTO events VALUES ('sql beforeMigrate');");
        write("afterEachMigrate.sql", "INSERT INTO events VALUES ('sql afterEachMigrate');");
        write("20261101000000_a.sql", "CREATE TABLE a (id int);");
        List<String> heard = java.util.Collections.synchronizedList(new ArrayList<>());
        Callback java = (event, context) -> heard.add(event.fileStem()
                + context.migration().map(m -> " " + m.id()).orElse(""));
        configure().callbacks(java).load().migrate();
        assertEquals(List.of("beforeMigrate", "beforeEachMigrate 20261101000000_a",
                "afterEachMigrate 20261101000000_a", "afterMigrate"), heard);
        assertEquals(List.of("sql afterEachMigrate", "sql beforeMigrate"),
                db.column("SELECT name FROM events ORDER BY name"));
    }

    @Test
    void failingBeforeMigrateCallbackStopsTheRunAndAfterMigrateErrorRuns() throws Exception {
        write("beforeMigrate.sql", "INSERT INTO no_such_table VALUES (1);");
        write("afterMigrateError.sql", "CREATE TABLE after_error (id int);");
        write("20261101000000_a.sql", "CREATE TABLE a (id int);");
        GodwitException e = assertThrows(GodwitException.class, () -> godwit().migrate());
        assertEquals(ErrorCode.MIGRATION_FAILED, e.code());
        assertEquals(1, e.code().exitCode());
        assertContains(e.getMessage(), "Callback migrations/beforeMigrate.sql failed in beforeMigrate",
                "no_such_table", "Nothing was applied.");
        assertFalse(db.hasTable("a"));
        assertTrue(db.hasTable("after_error"));
    }

/** The same migrations as a fresh in-memory list, as each of many application instances would hold them. */
    private static List<Migration> counterMigrations() {
        List<Migration> list = new ArrayList<>();
        list.add(Migration.sql("20261101000000_counter", "CREATE TABLE applied (name varchar(20));"));
        for (int i = 1; i <= 6; i++) {
            list.add(Migration.script(String.format("20261101%06d_m%d", i, i), "-- godwit:up\nCREATE TABLE t" + i
                    + " (id int);\nINSERT INTO applied VALUES ('m" + i + "');\n-- godwit:down\nDROP TABLE t" + i
                    + ";"));
        }
        return list;
    }
}
