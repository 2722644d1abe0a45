package dev.godwit.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.diff.SchemaDiffer;
import dev.godwit.model.Catalog;
import dev.godwit.plan.ChangeWriter;
import dev.godwit.plan.Hazard;
import dev.godwit.plan.Plan;
import dev.godwit.plan.PlanOptions;
import dev.godwit.plan.PlannedStatement;
import dev.godwit.plan.Planner;
import dev.godwit.testkit.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What plans say beyond their SQL: hazards, transaction modes, and that applying them keeps the data. */
class PostgresPlanTest {

    private static PostgresTestDatabase from;
    private static PostgresTestDatabase to;

    @BeforeAll
    static void databases() {
        from = PostgresTestDatabase.create();
        to = PostgresTestDatabase.create();
    }

    @AfterAll
    static void drop() {
        from.close();
        to.close();
    }

    private static Plan plan(String fromSql, String toSql, PlanOptions options) throws SQLException {
        reset(from, fromSql);
        reset(to, toSql);
        ChangeWriter writer = new PostgresDialect().changeWriter().with(options);
        return new Planner(writer).plan(new SchemaDiffer(writer.hooks()).diff(inspect(from), inspect(to)));
    }

    private static void reset(PostgresTestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            PostgresCases.empty(c);
            PostgresCases.load(c, sql);
        }
    }

    private static Catalog inspect(PostgresTestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return new PostgresInspector().inspect(c, InspectOptions.everySchema());
        }
    }

    @Test
    void equivalentSchemasGiveNoChange() throws SQLException {
        Plan plan = plan("CREATE TABLE t (id int4 PRIMARY KEY, n varchar(10) DEFAULT 'x', CHECK (id > 0))",
                "CREATE TABLE t (id integer, n character varying(10) DEFAULT 'x'::text, "
                        + "CONSTRAINT t_pkey PRIMARY KEY (id), CONSTRAINT t_id_check CHECK (id > 0))",
                PlanOptions.defaults());
        assertTrue(plan.isEmpty(), plan.upSql());
    }

    @Test
    void dropsCarryDataLossAndTypeChangesARewrite() throws SQLException {
        Plan plan = plan("CREATE TABLE t (id int PRIMARY KEY, old text, n int)",
                "CREATE TABLE t (id int PRIMARY KEY, n bigint)", PlanOptions.defaults());
        assertEquals(java.util.EnumSet.of(Hazard.DATA_LOSS, Hazard.IRREVERSIBLE, Hazard.TABLE_REWRITE,
                Hazard.BLOCKING_LOCK), plan.hazards());
        assertTrue(plan.transactional());
        assertTrue(plan.reversible());
    }

    @Test
    void concurrentIndexesRunOutsideTheTransaction() throws SQLException {
        Plan plan = plan("CREATE TABLE t (id int, n int)", "CREATE TABLE t (id int, n int); "
                + "CREATE INDEX t_n ON t (n)", new PlanOptions(true));
        List<PlannedStatement> up = plan.up();
        assertEquals(1, up.size(), plan.upSql());
        assertTrue(up.get(0).sql().startsWith("CREATE INDEX CONCURRENTLY t_n ON public.t"), up.get(0).sql());
        assertFalse(plan.transactional());
        assertTrue(plan.hazards().contains(Hazard.NON_TRANSACTIONAL));
        assertEquals("DROP INDEX CONCURRENTLY IF EXISTS public.t_n;\n", plan.downSql());
    }

    @Test
    void aColumnTypeChangeUnderAViewKeepsTheRows() throws SQLException {
        Plan plan = plan("CREATE TABLE t (id int PRIMARY KEY, amount int); INSERT INTO t VALUES (1, 42), (2, 7);"
                        + "CREATE VIEW big AS SELECT id FROM t WHERE amount > 10",
                "CREATE TABLE t (id int PRIMARY KEY, amount numeric(10,2)); "
                        + "CREATE VIEW big AS SELECT id FROM t WHERE amount > 10", PlanOptions.defaults());
        apply(plan.up());
        try (Connection c = from.connect(); Statement s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT string_agg(id || ':' || amount, ',' ORDER BY id) FROM t")) {
                rs.next();
                assertEquals("1:42.00,2:7.00", rs.getString(1));
            }
            try (var rs = s.executeQuery("SELECT count(*) FROM big")) {
                rs.next();
                assertEquals(1, rs.getInt(1));
            }
        }
    }

    @Test
    void aTableWhosePartitioningChangesIsReplacedAndItsSerialKeepsCounting() throws SQLException {
        Plan plan = plan("CREATE TABLE e (id serial PRIMARY KEY, at date NOT NULL); "
                        + "INSERT INTO e (at) VALUES ('2026-01-05'), ('2026-02-05')",
                "CREATE TABLE e (id serial, at date NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at); "
                        + "CREATE TABLE e_2026 PARTITION OF e FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')",
                PlanOptions.defaults());
        assertTrue(plan.hazards().contains(Hazard.DATA_LOSS), plan.upSql());
        assertTrue(plan.reversible());
        apply(plan.up());
        // The sequence was disowned around the drop, not dropped with the table: it goes on from 3.
        assertEquals(List.of("3", "p"), row("INSERT INTO e (at) VALUES ('2026-03-05') RETURNING id, "
                + "(SELECT relkind FROM pg_class WHERE relname = 'e')"));
    }

    @Test
    void aColumnAddedToAPartitionedTableIsAddedOnceAndReachesItsPartitions() throws SQLException {
        String partitions = "CREATE TABLE p1 PARTITION OF m FOR VALUES IN (1); "
                + "CREATE TABLE p2 PARTITION OF m FOR VALUES IN (2); INSERT INTO m VALUES (1), (2)";
        Plan plan = plan("CREATE TABLE m (k int) PARTITION BY LIST (k); " + partitions,
                "CREATE TABLE m (k int, extra text DEFAULT 'x') PARTITION BY LIST (k); " + partitions,
                PlanOptions.defaults());
        assertEquals(1, plan.up().size(), plan.upSql());
        assertEquals(1, plan.down().size(), plan.downSql());
        apply(plan.up());
        assertEquals(List.of("p1:x,p2:x"), row("SELECT string_agg(tableoid::regclass || ':' || extra, ',' "
                + "ORDER BY k) FROM m"));
    }

    @Test
    void detachingAPartitionFromAKeyedParentIsRefusedWithWhatToDo() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.godwit.plan.UnsupportedChangeException.class,
                () -> plan("CREATE TABLE m (k int PRIMARY KEY) PARTITION BY LIST (k); "
                                + "CREATE TABLE p1 PARTITION OF m FOR VALUES IN (1)",
                        "CREATE TABLE m (k int PRIMARY KEY) PARTITION BY LIST (k); "
                                + "CREATE TABLE p1 (k int PRIMARY KEY)", PlanOptions.defaults()));
        assertTrue(e.getMessage().contains("detaching partition public.p1 from public.m"), e.getMessage());
        assertTrue(e.getMessage().contains("by hand in a migration"), e.getMessage());
    }

    @Test
    void aColumnDroppedFromAParentStaysWithItsRowsInAChildThatKeepsIt() throws SQLException {
        Plan plan = plan("CREATE TABLE base (at timestamp, e int DEFAULT 5); "
                        + "CREATE TABLE kept (a int) INHERITS (base); CREATE TABLE gone (b int) INHERITS (base); "
                        + "INSERT INTO kept (a, e) VALUES (1, 42); INSERT INTO gone (b, e) VALUES (2, 43)",
                "CREATE TABLE base (at timestamp); CREATE TABLE kept (a int, e int DEFAULT 5) INHERITS (base); "
                        + "CREATE TABLE gone (b int) INHERITS (base)", PlanOptions.defaults());
        assertTrue(plan.upSql().contains("ALTER TABLE ONLY public.base DROP COLUMN e"), plan.upSql());
        apply(plan.up());
        assertEquals(List.of("42", "0"), row("SELECT (SELECT e FROM kept), (SELECT count(*) FROM pg_attribute "
                + "WHERE attrelid = 'gone'::regclass AND attname = 'e')"));
    }

    @Test
    void aParentsNewDefaultLeavesAChildsOwnDefaultAndANewColumnReachesTheChildOnce() throws SQLException {
        Plan plan = plan("CREATE TABLE base (n int DEFAULT 1); CREATE TABLE child (m int) INHERITS (base); "
                        + "ALTER TABLE child ALTER COLUMN n SET DEFAULT 7",
                "CREATE TABLE base (n int DEFAULT 2, added text DEFAULT 'p'); "
                        + "CREATE TABLE child (m int) INHERITS (base); ALTER TABLE child ALTER COLUMN n SET DEFAULT 7; "
                        + "ALTER TABLE child ALTER COLUMN added SET DEFAULT 'c'", PlanOptions.defaults());
        apply(plan.up());
        assertEquals(List.of("7c"), row("INSERT INTO child (m) VALUES (0) RETURNING n || added"), plan.upSql());
        assertEquals(List.of(), new SchemaDiffer(new PostgresDialect().changeWriter().hooks())
                .diff(inspect(from), inspect(to)).changes(), plan.upSql());
    }

    /** The first row of a query (or of a statement's RETURNING) on the database the plans are applied to. */
    private static List<String> row(String sql) throws SQLException {
        try (Connection c = from.connect(); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            List<String> values = new java.util.ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getString(i));
            }
            return values;
        }
    }

    private static void apply(List<PlannedStatement> statements) throws SQLException {
        try (Connection c = from.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (PlannedStatement statement : statements) {
                s.execute(statement.sql());
            }
            c.commit();
        }
    }
}
