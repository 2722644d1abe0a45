package dev.godwit.sqlite;

import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the rows of {@code sqlite_schema} from the database file's b-tree (https://www.sqlite.org/fileformat2.html)
 * instead of asking SQLite: any statement naming a table first makes SQLite parse every CREATE statement (about
 * 24 ms for 6,200 objects), while walking the b-tree takes about 1.3 ms once the JIT has compiled this class (the
 * first call in a fresh JVM, interpreted, takes 20 to 35 ms). The reader checks every page, cell and record the way
 * SQLite would and throws {@link Unreadable} at the first surprise, so the caller asks SQLite instead of getting
 * rows that {@code SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema} would not return.
 * Each call keeps its own state; concurrent calls may share one open file (each holds it while it reads).
 */
final class SqliteSchemaFile {

    /**
     * One row of sqlite_schema, as SELECT type, name, tbl_name, rootpage, sql would return it (sql may be null).
     *
     * @param rootPage 0 for views and triggers (stored as 0 or NULL)
     */
    record Row(String type, String name, String tableName, long rootPage, String sql) {
    }

    /** Why a file could not be read this way; the caller then asks SQLite (falls back). Message says why. */
    static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_SIZE = 100;
    // SQLite's own limit (BTCURSOR_MAX_DEPTH): a deeper b-tree is reported as corrupt
    private static final int MAX_DEPTH = 20;
    private static final int INTERIOR_TABLE = 5;
    private static final int LEAF_TABLE = 13;

    private final RandomAccessFile file;
    private final int pageSize;
    private final int usable;
    private final long pageCount;
    private final Charset charset;
    private final byte[] page;
    private byte[] overflow;
    private final Set<Long> visited = new HashSet<>();
    private final List<Row> rows = new ArrayList<>();
    private long lastRowid;
    private long cellPage; // the b-tree page of the cell being decoded, for messages
    private int pos; // read position of varint(), text() and integer()

    private SqliteSchemaFile(RandomAccessFile file, int pageSize, int usable, long pageCount, Charset charset) {
        this.file = file;
        this.pageSize = pageSize;
        this.usable = usable;
        this.pageCount = pageCount;
        this.charset = charset;
        this.page = new byte[pageSize];
    }

    /**
     * The rows of sqlite_schema in rowid order (the order of a plain SELECT from sqlite_master). A zero-length file
     * is an empty database to SQLite (schema_version 0): it gives no rows when {@code schemaCookie} is 0.
     *
     * @param file         the main database file, open for reading; never closed by this method, and held
     *                     (synchronized) while it seeks and reads, so threads may share it. Not a FileChannel:
     *                     an interrupt during a channel's read closes it, and closing any descriptor of the file
     *                     would drop the POSIX locks SQLite's connections in this process hold on it.
     * @param schemaCookie what PRAGMA schema_version returned in the caller's read transaction
     * @throws Unreadable when the file is not a plain rollback-journal SQLite 3 database this reader is sure of: no
     *                    magic (encrypted), WAL, another schema cookie, an unknown encoding, or any structural
     *                    surprise in the header, the b-tree, a record or an overflow chain
     */
    static List<Row> read(RandomAccessFile file, int schemaCookie) throws IOException, Unreadable {
        synchronized (file) {
            long size = file.length();
            if (size == 0 && schemaCookie == 0) {
                return List.of();
            }
            SqliteSchemaFile reader = fromHeader(file, size, schemaCookie);
            reader.visit(1, 1);
            return Collections.unmodifiableList(reader.rows);
        }
    }

    /** Checks the 100-byte file header (fileformat2 1.3) and sizes the reader by it. */
    private static SqliteSchemaFile fromHeader(RandomAccessFile file, long size, int schemaCookie)
            throws IOException, Unreadable {
        if (size < HEADER_SIZE) {
            throw unreadable("the file has " + size + " bytes, less than the 100-byte header");
        }
        byte[] h = new byte[HEADER_SIZE];
        readFully(file, h, 0);
        if (!Arrays.equals(h, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw unreadable("the file does not start with \"SQLite format 3\" (encrypted or not SQLite)");
        }
        if (h[18] != 1 || h[19] != 1) {
            // 2 is WAL: the newest schema may be in the -wal file, which only SQLite reads
            throw unreadable("the file format version bytes are " + h[18] + "/" + h[19]
                    + (h[18] == 2 || h[19] == 2 ? " (WAL journal mode)" : "") + ", not 1/1 (rollback journal)");
        }
        int cookie = (int) u32(h, 40);
        if (cookie != schemaCookie) {
            throw unreadable("the file's schema cookie is " + cookie + ", the transaction's is " + schemaCookie);
        }
        int pageSize = u16(h, 16) == 1 ? 65536 : u16(h, 16);
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            throw unreadable("the page size " + pageSize + " is not a power of two from 512 to 65536");
        }
        int usable = pageSize - (h[20] & 0xFF);
        if (usable < 480 || h[21] != 64 || h[22] != 32 || h[23] != 32) {
            throw unreadable("usable page size " + usable + " or payload fractions " + h[21] + "/" + h[22] + "/"
                    + h[23] + " are not what SQLite accepts (at least 480, 64/32/32)");
        }
        return new SqliteSchemaFile(file, pageSize, usable, pageCount(h, size / pageSize), charset(u32(h, 56)));
    }

    private static long pageCount(byte[] h, long filePages) throws Unreadable {
        long headerPages = u32(h, 28);
        // the in-header size is valid only when the change counter matches version-valid-for (fileformat2 1.3.7)
        if (headerPages == 0 || u32(h, 24) != u32(h, 92)) {
            return filePages;
        }
        if (headerPages > filePages) {
            throw unreadable("the header counts " + headerPages + " pages, the file holds " + filePages
                    + " (truncated)");
        }
        return headerPages;
    }

    /** Null for 0: not set yet, which only a file without schema rows has (the first CREATE sets it). */
    private static Charset charset(long encoding) throws Unreadable {
        return switch ((int) Math.min(encoding, 4)) {
            case 0 -> null;
            case 1 -> StandardCharsets.UTF_8;
            case 2 -> StandardCharsets.UTF_16LE;
            case 3 -> StandardCharsets.UTF_16BE;
            default -> throw unreadable("the text encoding is " + encoding
                    + ", not 1 (UTF-8), 2 (UTF-16le) or 3 (UTF-16be)");
        };
    }

    /** Reads the table b-tree page {@code number} and its subtree, in rowid order. */
    private void visit(long number, int depth) throws IOException, Unreadable {
        if (depth > MAX_DEPTH) {
            throw unreadable("the b-tree is deeper than " + MAX_DEPTH + " levels at page " + number);
        }
        load(number, page);
        int at = number == 1 ? HEADER_SIZE : 0; // page 1 holds the file header before its b-tree header
        int type = page[at] & 0xFF;
        if (type != INTERIOR_TABLE && type != LEAF_TABLE) {
            throw unreadable("page " + number + " has type " + type + ", not a table b-tree page (5 or 13)");
        }
        boolean interior = type == INTERIOR_TABLE;
        int cells = u16(page, at + 3);
        int pointers = at + (interior ? 12 : 8);
        int firstCell = pointers + 2 * cells;
        if (firstCell > usable) {
            throw unreadable("page " + number + " claims " + cells + " cells, more than fit in it");
        }
        long[] children = interior ? new long[cells + 1] : null;
        for (int i = 0; i < cells; i++) {
            int cell = u16(page, pointers + 2 * i);
            if (cell < firstCell || cell + (interior ? 4 : 0) >= usable) {
                throw unreadable("cell " + i + " of page " + number + " is at offset " + cell
                        + ", outside the cell content area");
            }
            cellPage = number;
            if (interior) {
                pos = cell + 4;
                children[i] = u32(page, cell);
                varint(page, usable); // the key: checked, not needed
            } else {
                leafCell(cell);
            }
        }
        if (interior) {
            children[cells] = u32(page, at + 8);
            for (long child : children) {
                visit(child, depth + 1);
            }
        }
    }

    private void leafCell(int cell) throws IOException, Unreadable {
        pos = cell;
        long size = varint(page, usable);
        long rowid = varint(page, usable);
        if (!rows.isEmpty() && rowid <= lastRowid) {
            throw unreadable("rowid " + rowid + " on page " + cellPage + " follows rowid " + lastRowid);
        }
        lastRowid = rowid;
        if (size < 0 || size > Integer.MAX_VALUE - 8) {
            throw unreadable("a record on page " + cellPage + " claims " + size + " bytes");
        }
        int payload = (int) size;
        int local = localSize(payload);
        int start = pos;
        if (start + local + (local < payload ? 4 : 0) > usable) {
            throw unreadable("a record on page " + cellPage + " runs past the end of the page");
        }
        if (local == payload) {
            record(page, start, payload);
            return;
        }
        long overflowPages = (payload - local + usable - 5L) / (usable - 4);
        if (overflowPages > pageCount) {
            throw unreadable("a record on page " + cellPage + " needs " + overflowPages + " overflow pages, "
                    + "more than the file holds");
        }
        byte[] whole = new byte[payload];
        System.arraycopy(page, start, whole, 0, local);
        readOverflow(u32(page, start + local), whole, local);
        record(whole, 0, payload);
    }

    /** Bytes of a cellPage table cell's payload stored on the page itself (fileformat2 1.6, table b-tree cellPage). */
    private int localSize(int payload) {
        int maxLocal = usable - 35;
        if (payload <= maxLocal) {
            return payload;
        }
        int minLocal = (usable - 12) * 32 / 255 - 23;
        int k = minLocal + (payload - minLocal) % (usable - 4);
        return k <= maxLocal ? k : minLocal;
    }

    private void readOverflow(long next, byte[] whole, int from) throws IOException, Unreadable {
        if (overflow == null) {
            overflow = new byte[pageSize];
        }
        for (int at = from; at < whole.length; ) {
            if (next == 0) {
                throw unreadable("the overflow chain of a record on page " + cellPage + " ends " + (whole.length - at)
                        + " bytes early");
            }
            load(next, overflow);
            int n = Math.min(usable - 4, whole.length - at);
            System.arraycopy(overflow, 4, whole, at, n);
            at += n;
            next = u32(overflow, 0);
        }
        if (next != 0) {
            throw unreadable("the overflow chain of a record on page " + cellPage + " goes on past its payload");
        }
    }

    /** Decodes a sqlite_schema record: exactly five columns of the types SQLite writes there (fileformat2 2.1). */
    private void record(byte[] b, int start, int length) throws Unreadable {
        int end = start + length;
        pos = start;
        long headerSize = varint(b, end);
        if (headerSize < 1 || headerSize > length) {
            throw unreadable("a record on page " + cellPage + " has a header of " + headerSize + " bytes");
        }
        int headerEnd = start + (int) headerSize;
        long type = varint(b, headerEnd);
        long name = varint(b, headerEnd);
        long table = varint(b, headerEnd);
        long root = varint(b, headerEnd);
        long sql = varint(b, headerEnd);
        if (pos != headerEnd) {
            throw unreadable("a record on page " + cellPage + " does not have the five columns of sqlite_schema");
        }
        String typeText = text(b, type, end);
        String nameText = text(b, name, end);
        String tableText = text(b, table, end);
        long rootPage = integer(b, root, end);
        String sqlText = sql == 0 ? null : text(b, sql, end);
        if (pos != end) {
            throw unreadable("a record on page " + cellPage + " has " + (end - pos) + " bytes after its columns");
        }
        rows.add(new Row(typeText, nameText, tableText, rootPage, sqlText));
    }

    private String text(byte[] b, long serialType, int end) throws Unreadable {
        if (serialType < 13 || serialType % 2 == 0) {
            throw unreadable("a record on page " + cellPage + " has serial type " + serialType + " where text belongs");
        }
        long length = (serialType - 13) / 2;
        if (length > end - pos) {
            throw unreadable("a text of " + length + " bytes on page " + cellPage + " runs past its record");
        }
        if (length > 0 && (charset == null || charset != StandardCharsets.UTF_8 && length % 2 != 0)) {
            throw unreadable("a text of " + length + " bytes on page " + cellPage + " does not fit the text encoding "
                    + "(" + charset + ")");
        }
        String s = length == 0 ? "" : new String(b, pos, (int) length, charset);
        pos += (int) length;
        return s;
    }

    private long integer(byte[] b, long serialType, int end) throws Unreadable {
        // serial types 0 (NULL, read as 0 like ResultSet.getLong), 1-6 big-endian integers, 8 and 9 the constants
        if (serialType == 7 || serialType > 9) {
            throw unreadable("a record on page " + cellPage + " has serial type " + serialType + " for rootpage");
        }
        int size = serialType == 0 || serialType >= 8 ? 0 : serialType < 5 ? (int) serialType
                : serialType == 5 ? 6 : 8;
        if (size > end - pos) {
            throw unreadable("an integer on page " + cellPage + " runs past its record");
        }
        long value = serialType == 9 ? 1 : 0;
        for (int i = 0; i < size; i++) {
            value = i == 0 ? b[pos] : value << 8 | b[pos + i] & 0xFF; // the first byte carries the sign
        }
        pos += size;
        return value;
    }

    /** The varint at {@link #pos}, which it advances; it must end before {@code limit}. */
    private long varint(byte[] b, int limit) throws Unreadable {
        long value = 0;
        for (int i = 0; ; i++) {
            if (pos >= limit) {
                throw unreadable("a varint on page " + cellPage + " runs past its cell or record");
            }
            int c = b[pos++] & 0xFF;
            if (i == 8) {
                return value << 8 | c; // the ninth byte gives all eight bits
            }
            value = value << 7 | c & 0x7F;
            if (c < 0x80) {
                return value;
            }
        }
    }

    private void load(long number, byte[] into) throws IOException, Unreadable {
        if (number < 1 || number > pageCount) {
            throw unreadable("page " + number + " is named, but the file has pages 1 to " + pageCount);
        }
        if (!visited.add(number)) {
            throw unreadable("page " + number + " is reached twice (a cycle or a shared page)");
        }
        readFully(file, into, (number - 1) * pageSize);
    }

    private static void readFully(RandomAccessFile file, byte[] into, long position) throws IOException, Unreadable {
        file.seek(position);
        try {
            file.readFully(into);
        } catch (EOFException e) {
            throw unreadable("the file ends inside the " + into.length + " bytes at byte " + position);
        }
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
    }

    private static long u32(byte[] b, int at) {
        return (long) u16(b, at) << 16 | u16(b, at + 2);
    }

    private static Unreadable unreadable(String why) {
        return new Unreadable("sqlite_schema not read from the file, SQLite must read it: " + why);
    }
}
