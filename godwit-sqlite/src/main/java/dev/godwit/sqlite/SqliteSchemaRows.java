package dev.godwit.sqlite;

import dev.godwit.dialect.SqlResources;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rows of {@code sqlite_master} the inspector reads: every table, view, index and trigger with its CREATE text,
 * SQLite's own objects left out, in no promised order.
 *
 * <p>Any statement that names a table makes SQLite parse every CREATE statement of the schema first (about 24 ms for
 * 6,200 objects), though the inspector then parses the same texts itself. So, inside the caller's read transaction
 * on a rollback-journal database file, the rows are read from the file's schema b-tree ({@link SqliteSchemaFile});
 * the connection's SHARED lock keeps any writer from changing the file meanwhile. Anything else (an in-memory or
 * temporary database, WAL mode, a file that is not plain SQLite 3, a schema cookie that does not match) asks SQLite,
 * and so does a file under {@link #FILE_FROM_BYTES}: every object takes at least a page of its own, so a smaller file
 * has too few for SQLite's parsing to matter, and is not worth a descriptor kept open (see {@link #file}).
 */
final class SqliteSchemaRows {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteSchemaRows.class);
    /** The query that reads the rows from SQLite. */
    static final String OBJECTS = SqlResources.read(SqliteSchemaRows.class, "inspect/objects.sql");
    /** Files read directly per process at most; see {@link #file}. */
    static final int OPEN_FILES = 16;
    /** 4 MiB: 1,024 pages of SQLite's default 4 KiB, so at most about a thousand tables and indexes. */
    static final long FILE_FROM_BYTES = 4 << 20;
    /** Database files open for reading, by file key (device and inode), never closed: see {@link #file}. */
    private static final Map<Object, RandomAccessFile> FILES = new HashMap<>();
    private static final boolean POSIX_LOCKS = !System.getProperty("os.name", "").toLowerCase(Locale.ROOT)
            .startsWith("windows");

    private SqliteSchemaRows() {
    }

    /**
     * The rows, read from the file when {@code fromFile} (the caller began the read transaction on this connection
     * itself, so the file holds everything the connection sees) and the file, of {@code fileFromBytes} or more, can
     * be read; else by a query.
     */
    static List<SqliteSchemaFile.Row> read(Connection connection, boolean fromFile, long fileFromBytes)
            throws SQLException {
        if (fromFile && POSIX_LOCKS) {
            List<SqliteSchemaFile.Row> rows = fromFile(connection, fileFromBytes);
            if (rows != null) {
                return rows;
            }
        }
        List<SqliteSchemaFile.Row> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(OBJECTS)) {
            while (rs.next()) {
                rows.add(new SqliteSchemaFile.Row(rs.getString(1), rs.getString(2), rs.getString(3), 0,
                        rs.getString(4)));
            }
        }
        return rows;
    }

    /** The rows from the database file, or null when SQLite must be asked. */
    private static List<SqliteSchemaFile.Row> fromFile(Connection connection, long fileFromBytes)
            throws SQLException {
        String file = mainFile(connection);
        if (file == null) {
            return null;
        }
        Path path = Path.of(file);
        Object key;
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (attributes.size() < fileFromBytes || attributes.fileKey() == null) {
                return null;
            }
            key = attributes.fileKey();
        } catch (IOException e) {
            return null;
        }
        int cookie;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA schema_version")) {
            // Reading the cookie starts the read transaction: from here the connection holds a SHARED lock.
            rs.next();
            cookie = rs.getInt(1);
        }
        try {
            RandomAccessFile open = file(key, path);
            if (open == null) {
                return null;
            }
            List<SqliteSchemaFile.Row> rows = SqliteSchemaFile.read(open, cookie);
            if (!key.equals(Files.readAttributes(path, BasicFileAttributes.class).fileKey())) {
                return null; // the file was replaced while it was read
            }
            return selected(rows);
        } catch (IOException | SqliteSchemaFile.Unreadable | RuntimeException e) {
            LOG.debug("reading the schema of {} from the file failed, asking SQLite: {}", file, e.toString());
            return null;
        }
    }

    /** The main database's file, or null for an in-memory or temporary database (PRAGMA database_list). */
    private static String mainFile(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA database_list")) {
            while (rs.next()) {
                if (rs.getString(2).equals("main")) {
                    String file = rs.getString(3);
                    return file == null || file.isEmpty() ? null : file;
                }
            }
        }
        return null;
    }

    /**
     * The file open for reading, opened once per process and never closed, or null when {@link #OPEN_FILES} are open
     * already. POSIX advisory locks belong to the process: closing any descriptor of a file drops every lock the
     * process holds on it, those of SQLite's connections included, which could let another process write under them
     * (sqlite.org/howtocorrupt.html, 2.2). SQLite's own VFS keeps such descriptors open for the same reason. A
     * {@code RandomAccessFile}, not a {@code FileChannel}: an interrupted thread's read would close a channel.
     */
    private static synchronized RandomAccessFile file(Object key, Path path) throws IOException {
        RandomAccessFile open = FILES.get(key);
        if (open == null && FILES.size() < OPEN_FILES) {
            open = new RandomAccessFile(path.toFile(), "r");
            FILES.put(key, open);
        }
        return open;
    }

    /**
     * The rows objects.sql selects: SQLite's own objects and rows without text left out. Left in the file's order
     * (rowid), not sorted by name as the query returns them: the model sorts what it holds.
     */
    private static List<SqliteSchemaFile.Row> selected(List<SqliteSchemaFile.Row> rows) {
        List<SqliteSchemaFile.Row> out = new ArrayList<>(rows.size());
        for (SqliteSchemaFile.Row row : rows) {
            if (row.sql() != null && !internal(row.name())) {
                out.add(row);
            }
        }
        return out;
    }

    /** {@code name LIKE 'sqlite\_%'}: LIKE folds ASCII letters only. */
    private static boolean internal(String name) {
        String prefix = "sqlite_";
        if (name.length() < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = name.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
