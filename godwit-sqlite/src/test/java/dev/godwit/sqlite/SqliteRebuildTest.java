package dev.godwit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.diff.Change;
import dev.godwit.diff.Rename;
import dev.godwit.diff.SchemaDiffer;
import dev.godwit.model.Catalog;
import dev.godwit.model.Equivalence;
import dev.godwit.plan.Hazard;
import dev.godwit.plan.Plan;
import dev.godwit.plan.PlannedStatement;
import dev.godwit.plan.Planner;
import dev.godwit.plan.UnsupportedChangeException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The table rebuild keeps what the table holds: rows, and the indexes, triggers and views around it; a rebuild that
 * fails rolls back whole; and a table other tables reference is never rebuilt with foreign keys on (SQLite would
 * run their ON DELETE actions), while the documented procedure with foreign keys off keeps the children's rows.
 */
class SqliteRebuildTest {

    private static final SqliteDialect SQLITE = new SqliteDialect();

    @Test
    void rebuildKeepsRowsIndexesTriggersAndViews() throws Exception {
        String from = """
                CREATE TABLE items (id integer PRIMARY KEY, price text, qty int);
                CREATE INDEX items_qty ON items (qty);
                CREATE TABLE audit (msg text);
                CREATE TRIGGER items_insert AFTER INSERT ON items BEGIN INSERT INTO audit VALUES ('item ' || NEW.id); END;
                CREATE VIEW cheap AS SELECT id, price FROM items WHERE price < 10;
                """;
        String to = from.replace("price text", "price numeric(10, 2) NOT NULL DEFAULT 0");
        try (Connection a = memory(); Connection b = memory()) {
            SqliteConvergenceTest.load(a, from);
            execute(a, "INSERT INTO items VALUES (1, '2.50', 3), (2, '20', 1), (3, '7', NULL)");
            SqliteConvergenceTest.load(b, to);
            Plan plan = plan(a, b);
            assertTrue(plan.changes().stream().anyMatch(c -> c instanceof Change.RebuildTable), plan.upSql());
            assertTrue(plan.hazards().contains(Hazard.TABLE_REWRITE));
            assertFalse(plan.hazards().contains(Hazard.DATA_LOSS), plan.upSql());

            applyInTransaction(a, plan.up());

            assertEquals(List.of(), Equivalence.differences(inspect(a), inspect(b)));
            assertEquals(List.of("1|2.5|3", "2|20|1", "3|7|null"), rows(a, "SELECT id, price, qty FROM items ORDER BY id"));
            assertEquals(List.of("real"), rows(a, "SELECT typeof(price) FROM items WHERE id = 1"));
            assertEquals(List.of("items_qty"), rows(a, "SELECT name FROM sqlite_master WHERE type = 'index' "
                    + "AND tbl_name = 'items'"));
            assertEquals(List.of("1|2.5", "3|7"), rows(a, "SELECT * FROM cheap ORDER BY id"));
            execute(a, "INSERT INTO items (id, qty) VALUES (4, 1)");
            assertEquals(List.of("item 1", "item 2", "item 3", "item 4"), rows(a, "SELECT msg FROM audit"));
            assertEquals(List.of("4|0"), rows(a, "SELECT id, price FROM items WHERE id = 4"));
        }
    }

    @Test
    void failedRebuildRollsBackWhole() throws Exception {
        String from = """
                CREATE TABLE users (id integer PRIMARY KEY, name text);
                CREATE INDEX users_name ON users (name);
                CREATE VIEW names AS SELECT name FROM users;
                """;
        String to = from.replace("name text", "name text, email text NOT NULL");
        try (Connection a = memory(); Connection b = memory()) {
            SqliteConvergenceTest.load(a, from);
            execute(a, "INSERT INTO users VALUES (1, 'ada'), (2, 'bob')");
            SqliteConvergenceTest.load(b, to);
            Catalog before = inspect(a);
            Plan plan = plan(a, b);
            assertTrue(plan.changes().stream().anyMatch(c -> c instanceof Change.RebuildTable), plan.upSql());

            SQLException e = assertThrows(SQLException.class, () -> applyInTransaction(a, plan.up()));

            assertTrue(e.getMessage().contains("NOT NULL constraint failed: _godwit_new_users.email"),
                    e.getMessage());
            assertEquals(List.of(), Equivalence.differences(inspect(a), before));
            assertEquals(List.of("1|ada", "2|bob"), rows(a, "SELECT id, name FROM users ORDER BY id"));
            assertEquals(List.of("ada", "bob"), rows(a, "SELECT name FROM names ORDER BY name"));
        }
    }

    @Test
    void referencedTableIsNotRebuiltWithForeignKeysOn() throws Exception {
        try (Connection a = memory(); Connection b = memory()) {
            Plan plan = referencedTablePlan(a, b);
            execute(a, "PRAGMA foreign_keys = ON");

            SQLException e = assertThrows(SQLException.class, () -> applyInTransaction(a, plan.up()));

            assertTrue(e.getMessage().contains("rebuilding table parents needs PRAGMA foreign_keys = OFF"),
                    e.getMessage());
            assertEquals(List.of("1|1", "2|1", "3|2"), rows(a, "SELECT id, parent_id FROM children ORDER BY id"));
            assertEquals(List.of("1|ada", "2|bob"), rows(a, "SELECT * FROM parents ORDER BY id"));
        }
    }

    @Test
    void referencedTableRebuiltWithForeignKeysOffKeepsChildRows() throws Exception {
        try (Connection a = memory(); Connection b = memory()) {
            Plan plan = referencedTablePlan(a, b);
            execute(a, "PRAGMA foreign_keys = ON");
            // The documented procedure: foreign keys off before the transaction, on again after it.
            execute(a, "PRAGMA foreign_keys = OFF");
            applyInTransaction(a, plan.up());
            assertEquals(List.of(), rows(a, "SELECT * FROM pragma_foreign_key_check"));
            execute(a, "PRAGMA foreign_keys = ON");

            assertEquals(List.of(), Equivalence.differences(inspect(a), inspect(b)));
            assertEquals(List.of("1|1", "2|1", "3|2"), rows(a, "SELECT id, parent_id FROM children ORDER BY id"));
            assertEquals(List.of("1|ada|", "2|bob|"), rows(a, "SELECT id, name, ifnull(born, '') FROM parents "
                    + "ORDER BY id"));
            assertThrows(SQLException.class, () -> execute(a, "INSERT INTO children VALUES (4, 99)"));
            execute(a, "DELETE FROM parents WHERE id = 1");
            assertEquals(List.of("3|2"), rows(a, "SELECT id, parent_id FROM children ORDER BY id"));
        }
    }

    @Test
    void childTableIsRebuiltWithForeignKeysOn() throws Exception {
        String from = """
                CREATE TABLE authors (id integer PRIMARY KEY, name text);
                CREATE TABLE books (id integer PRIMARY KEY, author_id integer, title text);
                """;
        String to = from.replace("author_id integer", "author_id integer REFERENCES authors (id) ON DELETE CASCADE");
        try (Connection a = memory(); Connection b = memory()) {
            SqliteConvergenceTest.load(a, from);
            execute(a, "INSERT INTO authors VALUES (1, 'ada')", "INSERT INTO books VALUES (1, 1, 'notes'), "
                    + "(2, NULL, 'anonymous')");
            SqliteConvergenceTest.load(b, to);
            Plan plan = plan(a, b);
            execute(a, "PRAGMA foreign_keys = ON");

            applyInTransaction(a, plan.up());

            assertEquals(List.of(), Equivalence.differences(inspect(a), inspect(b)));
            assertEquals(List.of("1|1|notes", "2|null|anonymous"), rows(a, "SELECT * FROM books ORDER BY id"));
            execute(a, "DELETE FROM authors WHERE id = 1");
            assertEquals(List.of("2"), rows(a, "SELECT id FROM books"));
        }
    }

    @Test
    void changesAlterTableCanMakeAreNotRebuilt() throws Exception {
        String from = """
                CREATE TABLE authors (id integer PRIMARY KEY);
                CREATE TABLE users (id integer PRIMARY KEY, email text, name text);
                CREATE INDEX users_email ON users (email);
                """;
        String to = """
                CREATE TABLE authors (id integer PRIMARY KEY);
                CREATE TABLE users (id integer PRIMARY KEY, name text, status text NOT NULL DEFAULT 'active',
                    author_id integer REFERENCES authors (id));
                """;
        try (Connection a = memory(); Connection b = memory()) {
            SqliteConvergenceTest.load(a, from);
            SqliteConvergenceTest.load(b, to);
            Plan plan = plan(a, b);

            assertEquals(List.of("DROP INDEX users_email", "ALTER TABLE users DROP COLUMN email",
                    "ALTER TABLE users ADD COLUMN status TEXT NOT NULL DEFAULT 'active'",
                    "ALTER TABLE users ADD COLUMN author_id INTEGER REFERENCES authors (id)"),
                    plan.up().stream().map(PlannedStatement::sql).toList());
            assertEquals(Set.of(Hazard.DATA_LOSS, Hazard.IRREVERSIBLE), plan.hazards());
            applyInTransaction(a, plan.up());
            assertEquals(List.of(), Equivalence.differences(inspect(a), inspect(b)));
        }
    }

    @Test
    void columnsOfARenamedTableAreAlteredAfterTheRename() throws Exception {
        try (Connection a = memory(); Connection b = memory()) {
            SqliteConvergenceTest.load(a, "CREATE TABLE t (id integer PRIMARY KEY, a text, c text)");
            execute(a, "INSERT INTO t VALUES (1, 'x', 'y')");
            SqliteConvergenceTest.load(b, "CREATE TABLE t2 (id integer PRIMARY KEY, b text, c text)");
            Plan plan = plan(a, b, List.of(Rename.parse("t=t2"), Rename.parse("t2.a=b")));

            assertEquals(List.of("ALTER TABLE t RENAME TO t2", "ALTER TABLE t2 RENAME COLUMN a TO b"),
                    plan.up().stream().map(PlannedStatement::sql).toList());
            applyInTransaction(a, plan.up());
            assertEquals(List.of("1|x|y"), rows(a, "SELECT id, b, c FROM t2"));
        }
    }

    @Test
    void dropsColumnOfARenamedTableUnderItsOldNameBeforeTheRename() throws Exception {
        try (Connection a = memory(); Connection b = memory()) {
            SqliteConvergenceTest.load(a, "CREATE TABLE t (id integer PRIMARY KEY, a text, c text)");
            SqliteConvergenceTest.load(b, "CREATE TABLE t2 (id integer PRIMARY KEY, c text)");
            Plan plan = plan(a, b, List.of(Rename.parse("t=t2")));

            // What goes away runs against the table as it was; what comes runs against it as it will be.
            assertEquals(List.of("ALTER TABLE t DROP COLUMN a", "ALTER TABLE t RENAME TO t2"),
                    plan.up().stream().map(PlannedStatement::sql).toList());
            applyInTransaction(a, plan.up());
            assertEquals(List.of(), Equivalence.differences(inspect(a), inspect(b)));
        }
    }

    @Test
    void refusesToRebuildATableItRenamesInTheSamePlan() throws Exception {
        try (Connection a = memory(); Connection b = memory()) {
            SqliteConvergenceTest.load(a, "CREATE TABLE t (id integer PRIMARY KEY, a text)");
            SqliteConvergenceTest.load(b, "CREATE TABLE t2 (id integer PRIMARY KEY, a integer NOT NULL DEFAULT 0)");

            UnsupportedChangeException e = assertThrows(UnsupportedChangeException.class,
                    () -> plan(a, b, List.of(Rename.parse("t=t2"))));

            assertTrue(e.getMessage().startsWith("unsupported: renaming table main.t2 or its columns in the plan "
                    + "that also rebuilds it"), e.getMessage());
        }
    }

    private static Plan referencedTablePlan(Connection a, Connection b) throws SQLException {
        String from = """
                CREATE TABLE parents (id integer PRIMARY KEY, name text);
                CREATE TABLE children (id integer PRIMARY KEY, parent_id integer REFERENCES parents (id)
                    ON DELETE CASCADE);
                """;
        String to = from.replace("name text", "name text NOT NULL DEFAULT '', born text CHECK (born > '1900')");
        SqliteConvergenceTest.load(a, from);
        execute(a, "INSERT INTO parents VALUES (1, 'ada'), (2, 'bob')",
                "INSERT INTO children VALUES (1, 1), (2, 1), (3, 2)");
        SqliteConvergenceTest.load(b, to);
        Plan plan = plan(a, b);
        assertTrue(plan.changes().stream().anyMatch(c -> c instanceof Change.RebuildTable), plan.upSql());
        return plan;
    }

    private static Plan plan(Connection a, Connection b) throws SQLException {
        return plan(a, b, List.of());
    }

    private static Plan plan(Connection a, Connection b, List<Rename> renames) throws SQLException {
        return new Planner(SQLITE.changeWriter()).plan(new SchemaDiffer(SQLITE.changeWriter().hooks(), renames)
                .diff(inspect(a), inspect(b)));
    }

    private static Catalog inspect(Connection c) throws SQLException {
        return SQLITE.inspector().inspect(c, InspectOptions.defaults());
    }

    private static Connection memory() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite::memory:");
    }

    /** The statements in one transaction, rolled back when one fails (and the failure thrown). */
    private static void applyInTransaction(Connection c, List<PlannedStatement> statements) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (PlannedStatement statement : statements) {
                s.execute(statement.sql());
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static void execute(Connection c, String... statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** Each row as its columns joined with "|". */
    private static List<String> rows(Connection c, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    values.add(String.valueOf(rs.getString(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
