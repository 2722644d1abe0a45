package dev.godwit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.dialect.SqlStatement;
import dev.godwit.model.Catalog;
import dev.godwit.testkit.Corpus;
import dev.godwit.testkit.SqliteTestDatabase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The inspector reads the schema rows from the database file when it may ({@link SqliteSchemaRows}), and the model is
 * the one SQLite's own rows give; where the file may not hold what the connection sees, SQLite is asked.
 */
class SqliteSchemaRowsTest {

    /** Read from the file whatever its size. */
    private static final SqliteInspector FROM_FILE = new SqliteInspector(SqliteInspector.RowSource.CREATE_TEXT, 0);
    /** Never read from the file. */
    private static final SqliteInspector ASKING = new SqliteInspector(SqliteInspector.RowSource.CREATE_TEXT,
            Long.MAX_VALUE);

    @Test
    void readsTheSameModelFromTheFileAsFromSqlite() throws Exception {
        for (String script : List.of(SqliteInspectorTest.FEATURES, SqliteCreateTextTest.TURNS,
                Files.readString(Corpus.schema("chinook-sqlite")))) {
            try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
                load(db, script);
                try (Connection c = db.connect()) {
                    List<String> queries = new ArrayList<>();
                    Catalog fromFile = FROM_FILE.inspect(logging(c, queries), InspectOptions.defaults());
                    assertFalse(queries.contains(SqliteSchemaRows.OBJECTS), "read from the file: " + queries);
                    assertEquals(ASKING.inspect(c, InspectOptions.defaults()), fromFile);
                    assertTrue(c.getAutoCommit(), "the read transaction is ended");
                }
            }
        }
    }

    @Test
    void readersSeeEveryCommittedTableAndNoneHalfWrittenWhileAnotherConnectionAddsTables() throws Exception {
        int added = 60;
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            load(db, SqliteInspectorTest.FEATURES);
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                Future<?> writer = threads.submit(() -> {
                    try (Connection c = busyWaiting(db); Statement s = c.createStatement()) {
                        for (int i = 0; i < added; i++) {
                            // Each table, its index and a padding row in one transaction: a reader must see all
                            // three or none, and the padding makes the schema span more pages as it grows.
                            s.execute("BEGIN IMMEDIATE");
                            s.execute("CREATE TABLE added_" + i + " (id INTEGER PRIMARY KEY, note TEXT NOT NULL "
                                    + "DEFAULT '" + "x".repeat(300) + "', CHECK (length(note) > 0))");
                            s.execute("CREATE INDEX added_" + i + "_note ON added_" + i + " (note)");
                            s.execute("COMMIT");
                        }
                    }
                    return null;
                });
                List<Future<Integer>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    readers.add(threads.submit(() -> {
                        int reads = 0;
                        List<String> queries = new ArrayList<>();
                        try (Connection c = busyWaiting(db)) {
                            while (!writer.isDone() || reads == 0) {
                                assertWholePrefix(FROM_FILE.inspect(logging(c, queries), InspectOptions.defaults()),
                                        added);
                                reads++;
                            }
                        }
                        // Under the SHARED lock the file always holds what the transaction sees: never a cookie
                        // that differs or a page caught half written, so never a fallback to the query.
                        assertFalse(queries.contains(SqliteSchemaRows.OBJECTS), "fell back: " + queries);
                        return reads;
                    }));
                }
                writer.get();
                for (Future<Integer> reader : readers) {
                    assertTrue(reader.get() > 0);
                }
            } finally {
                threads.shutdownNow();
            }
            try (Connection c = db.connect()) {
                Catalog last = FROM_FILE.inspect(c, InspectOptions.defaults());
                assertEquals(ASKING.inspect(c, InspectOptions.defaults()), last);
                assertEquals(added, last.schema("main").orElseThrow().tables().stream()
                        .filter(t -> t.name().name().startsWith("added_")).count());
            }
            assertEquals(List.of("ok"), db.column("PRAGMA integrity_check"));
        }
    }

    /** The tables added_0 to added_(k-1) for some k, each whole: its column, default, check and index. */
    private static void assertWholePrefix(Catalog catalog, int most) {
        List<dev.godwit.model.Table> added = catalog.schema("main").orElseThrow().tables().stream()
                .filter(t -> t.name().name().startsWith("added_")).toList();
        assertTrue(added.size() <= most, added.size() + " tables");
        for (int i = 0; i < added.size(); i++) {
            String name = "added_" + i;
            dev.godwit.model.Table table = added.stream().filter(t -> t.name().name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("a gap: no " + name + " among " + added.size()));
            assertEquals(2, table.columns().size(), name);
            assertEquals(1, table.checks().size(), name);
            assertEquals(List.of(name + "_note"), table.indexes().stream().map(dev.godwit.model.Index::name)
                    .toList(), name);
        }
    }

    /** A connection that waits for a writer's lock instead of failing with SQLITE_BUSY. */
    private static Connection busyWaiting(SqliteTestDatabase db) throws Exception {
        Connection c = db.connect();
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
        }
        return c;
    }

    @Test
    void anInterruptedThreadStillReadsTheFileAndLeavesItOpen() throws Exception {
        // A FileChannel closes itself when its reading thread is interrupted, and closing a descriptor of the file
        // would drop SQLite's POSIX locks in this process; the file is read without one.
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            load(db, SqliteInspectorTest.FEATURES);
            try (Connection c = db.connect()) {
                List<String> queries = new ArrayList<>();
                Thread.currentThread().interrupt();
                Catalog interrupted;
                try {
                    interrupted = FROM_FILE.inspect(logging(c, queries), InspectOptions.defaults());
                } finally {
                    assertTrue(Thread.interrupted(), "the interrupt is left for the caller");
                }
                Catalog after = FROM_FILE.inspect(logging(c, queries), InspectOptions.defaults());
                assertFalse(queries.contains(SqliteSchemaRows.OBJECTS), "read from the file both times: " + queries);
                assertEquals(ASKING.inspect(c, InspectOptions.defaults()), interrupted);
                assertEquals(interrupted, after);
            }
        }
    }

    @Test
    void asksSqliteInTheCallersTransactionAndSeesItsUncommittedTable() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            load(db, SqliteInspectorTest.FEATURES);
            try (Connection c = db.connect()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE uncommitted (id INTEGER PRIMARY KEY)");
                }
                List<String> queries = new ArrayList<>();
                Catalog catalog = FROM_FILE.inspect(logging(c, queries), InspectOptions.defaults());
                assertTrue(queries.contains(SqliteSchemaRows.OBJECTS), queries.toString());
                assertTrue(catalog.schema("main").orElseThrow().table("uncommitted").isPresent());
                assertFalse(c.getAutoCommit(), "the caller's transaction is left open");
                c.rollback();
            }
        }
    }

    @Test
    void asksSqliteForAWalDatabase() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            load(db, "PRAGMA journal_mode = WAL;\n" + SqliteInspectorTest.FEATURES);
            try (Connection writer = db.connect(); Statement s = writer.createStatement()) {
                // Keep the WAL: the new table is in the -wal file only until a checkpoint.
                s.execute("PRAGMA wal_autocheckpoint = 0");
                s.execute("CREATE TABLE only_in_wal (id INTEGER PRIMARY KEY)");
                try (Connection c = db.connect()) {
                    List<String> queries = new ArrayList<>();
                    Catalog catalog = FROM_FILE.inspect(logging(c, queries), InspectOptions.defaults());
                    assertTrue(queries.contains(SqliteSchemaRows.OBJECTS), queries.toString());
                    assertTrue(catalog.schema("main").orElseThrow().table("only_in_wal").isPresent());
                }
            }
        }
    }

    @Test
    void asksSqliteForAnInMemoryDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            }
            List<String> queries = new ArrayList<>();
            Catalog catalog = FROM_FILE.inspect(logging(c, queries), InspectOptions.defaults());
            assertTrue(queries.contains(SqliteSchemaRows.OBJECTS), queries.toString());
            assertEquals(2, catalog.schema("main").orElseThrow().table("t").orElseThrow().columns().size());
        }
    }

    @Test
    void asksSqliteForASmallFile() throws Exception {
        try (SqliteTestDatabase db = SqliteTestDatabase.create()) {
            load(db, SqliteInspectorTest.FEATURES);
            try (Connection c = db.connect()) {
                List<String> queries = new ArrayList<>();
                new SqliteInspector().inspect(logging(c, queries), InspectOptions.defaults());
                assertTrue(Files.size(db.file()) < SqliteSchemaRows.FILE_FROM_BYTES);
                assertTrue(queries.contains(SqliteSchemaRows.OBJECTS), queries.toString());
            }
        }
    }

    private static void load(SqliteTestDatabase db, String script) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (SqlStatement statement : new SqliteStatementSplitter().split(script)) {
                s.execute(statement.sql());
            }
        }
    }

    /** The connection, logging the text of every query run through its statements. */
    private static Connection logging(Connection real, List<String> queries) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, real, args);
                    if (method.getName().equals("createStatement") && result instanceof Statement statement) {
                        return Proxy.newProxyInstance(Statement.class.getClassLoader(),
                                new Class<?>[] {Statement.class}, (p, m, a) -> {
                                    if (m.getName().equals("executeQuery")) {
                                        queries.add((String) a[0]);
                                    }
                                    return invoke(m, statement, a);
                                });
                    }
                    return result;
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
