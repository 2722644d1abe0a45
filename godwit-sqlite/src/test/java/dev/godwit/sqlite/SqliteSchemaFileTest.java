package dev.godwit.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.godwit.dialect.SqlStatement;
import dev.godwit.sqlite.SqliteSchemaFile.Row;
import dev.godwit.sqlite.SqliteSchemaFile.Unreadable;
import dev.godwit.testkit.Corpus;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema rows read from the file are the rows SQLite returns for
 * {@code SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master}, read inside one read transaction as the
 * inspector does; and every file the reader cannot be sure of is {@link Unreadable}, never wrong rows.
 */
class SqliteSchemaFileTest {

    @TempDir
    Path dir;

    @Test
    void zeroLengthFileIsAnEmptySchemaOnlyForCookieZero() throws Exception {
        Path file = dir.resolve("empty.db");
        assertEquals(List.of(), sameRowsAsSqlite(file)); // connecting creates the file with zero bytes
        assertEquals(0, Files.size(file));
        assertTrue(unreadable(file, 1).contains("less than the 100-byte header"));
    }

    @Test
    void fileWithoutSchemaRowsAndUnsetEncodingHasNoRows() throws Exception {
        Path file = dir.resolve("user-version.db");
        execute(file, "PRAGMA user_version = 7"); // writes page 1 with text encoding 0 ("not set yet")
        assertEquals(0, header(file)[59]);
        assertEquals(List.of(), sameRowsAsSqlite(file));
    }

    @Test
    void readsTablesViewsTriggersAndIndexesInRowidOrder() throws Exception {
        Path file = dir.resolve("features.db");
        execute(file, statements("""
                CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE);
                CREATE TABLE tags (user_id INTEGER REFERENCES users, tag TEXT, PRIMARY KEY (user_id, tag))
                    WITHOUT ROWID;
                CREATE INDEX users_email ON users (lower(email)) WHERE email IS NOT NULL;
                CREATE VIEW user_tags AS SELECT u.email, t.tag FROM users u JOIN tags t ON t.user_id = u.id;
                CREATE TRIGGER users_audit AFTER UPDATE ON users BEGIN
                    UPDATE users SET email = lower(NEW.email) WHERE id = NEW.id;
                END;
                CREATE VIRTUAL TABLE notes USING fts5(title, body);
                CREATE TABLE dropped (x);
                CREATE TABLE zz (a TEXT UNIQUE, b TEXT, PRIMARY KEY (a, b));
                DROP TABLE dropped;
                CREATE TABLE aa (x);
                """));
        List<Row> rows = sameRowsAsSqlite(file);
        assertTrue(rows.stream().anyMatch(r -> r.type().equals("index") && r.sql() == null), "automatic index");
        assertTrue(rows.stream().anyMatch(r -> r.type().equals("trigger") && r.rootPage() == 0));
        assertTrue(rows.stream().anyMatch(r -> r.type().equals("view") && r.rootPage() == 0));
        assertEquals("aa", rows.get(rows.size() - 1).name(), "rowid order, not name order");
    }

    @Test
    void readsInteriorPagesOfAManyTableSchema() throws Exception {
        Path file = dir.resolve("many.db");
        execute(file, tables(400, 0));
        assertEquals(800, sameRowsAsSqlite(file).size());
        assertEquals(2, schemaDepth(file));
    }

    @Test
    void readsThreeLevelSchemaTreeWithSmallPages() throws Exception {
        Path file = dir.resolve("small-pages.db");
        execute(file, tables(600, 0, "PRAGMA page_size = 512"));
        assertEquals(1200, sameRowsAsSqlite(file).size());
        assertEquals(3, schemaDepth(file));
    }

    @Test
    void readsRootPageNumbersStoredInThreeBytes() throws Exception {
        Path file = dir.resolve("root-pages.db");
        execute(file, "PRAGMA page_size = 512", "CREATE TABLE blobs (b)",
                "INSERT INTO blobs VALUES (zeroblob(17000000))", "CREATE TABLE after_blobs (x)");
        assertTrue(sameRowsAsSqlite(file).get(1).rootPage() > 32767, "past the largest 2-byte integer");
    }

    @Test
    void readsInteriorPagesOfLargestPageSize() throws Exception {
        Path file = dir.resolve("large-pages.db");
        execute(file, tables(800, 120, "PRAGMA page_size = 65536"));
        assertEquals(List.of(0, 1), List.of((int) header(file)[16], (int) header(file)[17]), "65536 is stored as 1");
        assertEquals(1600, sameRowsAsSqlite(file).size());
        assertEquals(2, schemaDepth(file));
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 4096})
    void readsOverflowingCreateTextAcrossPages(int pageSize) throws Exception {
        Path file = dir.resolve("overflow.db");
        String check = "x <> '" + "a".repeat(20_000) + "'";
        execute(file, "PRAGMA page_size = " + pageSize, "CREATE TABLE before (id)",
                "CREATE TABLE wide (x TEXT CHECK (" + check + "))", "CREATE TABLE after (id)");
        List<Row> rows = sameRowsAsSqlite(file);
        assertTrue(rows.get(1).sql().contains(check));
        assertTrue(overflowPages(file) >= 20_000 / pageSize, "the CREATE text spans several overflow pages");
    }

    @Test
    void readsRecordsOfEveryLengthAroundTheOverflowThresholds() throws Exception {
        // with 1024-byte pages a record stays local up to 989 bytes; past it the local part is K or M bytes
        Path file = dir.resolve("thresholds.db");
        List<String> sql = new ArrayList<>(List.of("PRAGMA page_size = 1024"));
        for (int length = 900; length < 3200; length += 7) {
            sql.add("CREATE TABLE t" + length + " (x /*" + "c".repeat(length - 40) + "*/)");
        }
        execute(file, sql.toArray(String[]::new));
        assertEquals(329, sameRowsAsSqlite(file).size());
        assertTrue(overflowPages(file) > 300);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "UTF-16le", "UTF-16be"})
    void decodesNonAsciiTextInEachEncoding(String encoding) throws Exception {
        Path file = dir.resolve("text.db");
        execute(file, "PRAGMA encoding = '" + encoding + "'",
                "CREATE TABLE \"tâble_ü\" (\"naïve\" TEXT DEFAULT 'ß')",
                "CREATE TABLE 表格 (列 TEXT UNIQUE)",
                "CREATE VIEW \"🦆 ducks\" AS SELECT 列 AS \"🦆\" FROM 表格",
                "CREATE TABLE long_ü (x /* " + "ü表🦆".repeat(800) + " */)");
        assertEquals(encoding.equals("UTF-8") ? 1 : encoding.equals("UTF-16le") ? 2 : 3, header(file)[59]);
        List<Row> rows = sameRowsAsSqlite(file);
        assertEquals(List.of("tâble_ü", "表格", "sqlite_autoindex_表格_1", "🦆 ducks", "long_ü"),
                rows.stream().map(Row::name).toList());
    }

    @Test
    void readsPagesWithReservedBytes() throws Exception {
        // No SQL sets the reserved bytes (the CLI's ".filectrl reserve_bytes" does): patch them into a file whose
        // page 1 is still an empty leaf, moving that page's cell content start to the new usable end; SQLite then
        // keeps the last 40 bytes of every page free as it writes the schema.
        Path file = dir.resolve("reserved.db");
        execute(file, "PRAGMA user_version = 1");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {40}), 20);
            channel.write(ByteBuffer.wrap(new byte[] {(byte) (4056 >> 8), (byte) 4056}), 105);
        }
        execute(file, tables(300, 60));
        execute(file, "CREATE TABLE wide (x /*" + "w".repeat(10_000) + "*/)");
        assertEquals(List.of("ok"), strings(file, "PRAGMA integrity_check"));
        assertEquals(40, header(file)[20]);
        assertEquals(601, sameRowsAsSqlite(file).size());
    }

    @Test
    void readsTheChinookCorpusSchema() throws Exception {
        String script = Files.readString(Corpus.schema("chinook-sqlite"));
        Path file = dir.resolve("chinook.db");
        execute(file, statements(script));
        List<Row> rows = sameRowsAsSqlite(file);
        assertEquals(11, rows.stream().filter(r -> r.type().equals("table")).count());
    }

    @Test
    void walDatabaseIsUnreadable() throws Exception {
        Path file = dir.resolve("wal.db");
        execute(file, "PRAGMA journal_mode = WAL", "CREATE TABLE t (x)");
        assertTrue(unreadable(file, cookie(file)).contains("WAL"));
    }

    @Test
    void otherSchemaCookieIsUnreadable() throws Exception {
        Path file = dir.resolve("cookie.db");
        execute(file, "CREATE TABLE t (x)");
        int cookie = cookie(file);
        assertEquals(1, cookie);
        assertTrue(unreadable(file, cookie + 1).contains("schema cookie is 1"));
    }

    @Test
    void randomBytesAndTextAreUnreadable() throws Exception {
        byte[] random = new byte[8192];
        new Random(7).nextBytes(random);
        Path noise = Files.write(dir.resolve("noise.db"), random);
        Path text = Files.writeString(dir.resolve("text.db"), "CREATE TABLE t (x);\n".repeat(50));
        assertTrue(unreadable(noise, 0).contains("does not start with"));
        assertTrue(unreadable(text, 0).contains("does not start with"));
    }

    @Test
    void truncatedCopyIsUnreadableWhereverTheSchemaTreeIsCut() throws Exception {
        Path file = dir.resolve("full.db");
        execute(file, tables(200, 40, "PRAGMA page_size = 1024"));
        execute(file, "CREATE TABLE wide (x /*" + "w".repeat(5_000) + "*/)");
        int cookie = cookie(file);
        List<Row> expected = sameRowsAsSqlite(file);
        byte[] bytes = Files.readAllBytes(file);
        int lastSchemaPage = Integer.parseInt(strings(file,
                "SELECT max(pageno) FROM dbstat WHERE name = 'sqlite_schema'").get(0));
        Path cut = dir.resolve("cut.db");
        for (int end = 1024; end < bytes.length; end += 512) {
            byte[] part = Arrays.copyOf(bytes, end);
            Files.write(cut, part);
            assertTrue(unreadable(cut, cookie).contains("truncated"), "the header still counts every page");
            part[95]++; // the in-header page count is valid only while version-valid-for matches the change counter
            Files.write(cut, part);
            if (end < lastSchemaPage * 1024) {
                assertTrue(unreadable(cut, cookie).contains("but the file has pages 1 to " + end / 1024));
            } else {
                assertEquals(expected, read(cut, cookie), "the whole schema tree is before byte " + end);
            }
        }
    }

    @Test
    void cycleAndUnknownPageTypeAreUnreadable() throws Exception {
        Path file = dir.resolve("tree.db");
        execute(file, tables(100, 0));
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(5, bytes[100], "page 1 is an interior table page");
        Path patched = dir.resolve("patched.db");
        byte[] cycle = bytes.clone();
        cycle[108] = cycle[109] = cycle[110] = 0;
        cycle[111] = 1; // the right-most child of page 1 is page 1
        Files.write(patched, cycle);
        assertTrue(unreadable(patched, cookie(file)).contains("page 1 is reached twice"));
        byte[] index = bytes.clone();
        index[100] = 2;
        Files.write(patched, index);
        assertTrue(unreadable(patched, cookie(file)).contains("page 1 has type 2"));
    }

    @Test
    void corruptSchemaPagesGiveUnreadableOrTheRowsSqliteReads() throws Exception {
        Path file = dir.resolve("fuzz.db");
        execute(file, tables(60, 30, "PRAGMA page_size = 1024"));
        execute(file, "CREATE TABLE wide (x /*" + "w".repeat(3_000) + "*/)");
        int cookie = cookie(file);
        byte[] bytes = Files.readAllBytes(file);
        List<Integer> pages = strings(file, "SELECT pageno FROM dbstat WHERE name = 'sqlite_schema'").stream()
                .map(Integer::valueOf).toList();
        Path corrupt = dir.resolve("corrupt.db");
        Random random = new Random(42);
        int unreadable = 0;
        int compared = 0;
        for (int i = 0; i < 1_000; i++) {
            byte[] copy = bytes.clone();
            for (int n = 1 + random.nextInt(3); n > 0; n--) {
                int page = pages.get(random.nextInt(pages.size()));
                int from = page == 1 ? 100 : 0; // the file header has its own checks
                copy[(page - 1) * 1024 + from + random.nextInt(1024 - from)] = (byte) random.nextInt(256);
            }
            Files.write(corrupt, copy);
            List<Row> rows;
            try {
                rows = read(corrupt, cookie);
            } catch (Unreadable e) {
                unreadable++;
                continue;
            }
            try (Connection c = connect(corrupt); Statement s = c.createStatement()) {
                s.execute("PRAGMA writable_schema = ON"); // lists sqlite_master even when its CREATE text is bad
                List<Row> fromSqlite = select(c);
                assertEquals(fromSqlite, rows, "copy " + i);
                compared++;
            } catch (SQLException sqliteFindsItCorrupt) {
                // nothing to compare with; the caller's fallback would fail the same way
            }
        }
        assertTrue(unreadable > 100 && compared > 100, unreadable + " unreadable, " + compared + " compared");
    }

    /** Asserts the file gives SQLite's rows, read in one transaction after PRAGMA schema_version; returns them. */
    private static List<Row> sameRowsAsSqlite(Path file) throws Exception {
        try (Connection c = connect(file)) {
            c.setAutoCommit(false);
            int cookie = cookie(c);
            List<Row> fromFile = read(file, cookie);
            List<Row> fromSqlite = select(c);
            c.rollback();
            assertEquals(fromSqlite, fromFile);
            return fromFile;
        }
    }

    private static List<Row> select(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master")) {
            while (rs.next()) {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)));
            }
        }
        return rows;
    }

    private static List<Row> read(Path file, int cookie) throws IOException, Unreadable {
        try (RandomAccessFile open = new RandomAccessFile(file.toFile(), "r")) {
            return SqliteSchemaFile.read(open, cookie);
        }
    }

    private static String unreadable(Path file, int cookie) {
        return assertThrows(Unreadable.class, () -> read(file, cookie)).getMessage();
    }

    /**
     * The statements {@code first}, then {@code count} tables, each with a UNIQUE column (an automatic index) and a
     * comment of {@code padding} characters.
     */
    private static String[] tables(int count, int padding, String... first) {
        List<String> sql = new ArrayList<>(List.of(first));
        for (int i = 0; i < count; i++) {
            sql.add("CREATE TABLE table_" + i + " (id INTEGER PRIMARY KEY, code TEXT UNIQUE /*" + "p".repeat(padding)
                    + "*/)");
        }
        return sql.toArray(String[]::new);
    }

    private static String[] statements(String script) {
        return new SqliteStatementSplitter().split(script).stream().map(SqlStatement::sql).toArray(String[]::new);
    }

    private static int schemaDepth(Path file) throws SQLException {
        // dbstat paths: "/" for the root, "/000/" for its first child, "/000/001/" below that
        return Integer.parseInt(strings(file, "SELECT max(length(path) - length(replace(path, '/', ''))) "
                + "FROM dbstat WHERE name = 'sqlite_schema' AND pagetype <> 'overflow'").get(0));
    }

    private static int overflowPages(Path file) throws SQLException {
        return Integer.parseInt(strings(file,
                "SELECT count(*) FROM dbstat WHERE name = 'sqlite_schema' AND pagetype = 'overflow'").get(0));
    }

    private static byte[] header(Path file) throws IOException {
        return Arrays.copyOf(Files.readAllBytes(file), 100);
    }

    private static int cookie(Path file) throws SQLException {
        try (Connection c = connect(file)) {
            return cookie(c);
        }
    }

    private static int cookie(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> strings(Path file, String query) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    private static void execute(Path file, String... sql) throws SQLException {
        try (Connection c = connect(file); Statement s = c.createStatement()) {
            s.execute("PRAGMA synchronous = OFF"); // no fsync per CREATE: files of hundreds of tables stay quick
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    private static Connection connect(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }
}
