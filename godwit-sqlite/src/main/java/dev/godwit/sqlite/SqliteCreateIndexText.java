package dev.godwit.sqlite;

import dev.godwit.sqlite.SqliteTableRows.IndexRow;
import dev.godwit.sqlite.SqliteTableRows.KeyRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Reads from a CREATE INDEX text the row {@code pragma_index_list} and {@code pragma_index_xinfo} would report of the
 * index, for {@link SqliteCreateText}.
 */
final class SqliteCreateIndexText {

    private SqliteCreateIndexText() {
    }

    /**
     * An index's pragma row from its CREATE INDEX text. A key is a column when it is one of the table's column names
     * (with a COLLATE, ASC or DESC); a function call is an expression; any other shape is left to the pragmas.
     *
     * @param columnNamed the table's column of a name as declared, or null when there is none
     * @return empty when only the pragmas can tell
     */
    static Optional<IndexRow> read(String name, String sql, UnaryOperator<String> columnNamed) {
        Optional<SqliteTokens> tokens = SqliteTokens.of(sql);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        SqliteTokens index = tokens.get();
        int i = 0;
        if (!index.is(i++, "CREATE")) {
            return Optional.empty();
        }
        boolean unique = index.is(i, "UNIQUE");
        i += unique ? 1 : 0;
        if (!index.is(i, "INDEX")) {
            return Optional.empty();
        }
        i = keyList(index, i);
        int close = i < 0 ? -1 : index.closing(i);
        if (close < 0) {
            return Optional.empty();
        }
        List<KeyRow> keys = new ArrayList<>();
        for (int[] part : keyParts(index, i, close)) {
            KeyRow key = key(index, part[0], part[1], columnNamed);
            if (key == null) {
                return Optional.empty();
            }
            keys.add(key);
        }
        return Optional.of(new IndexRow(name, "c", unique, keys));
    }

    /**
     * A CREATE INDEX text's key parts as written, without ASC or DESC ({@code lower(name)},
     * {@code "code" COLLATE NOCASE}), and its WHERE condition; no keys and no condition when it cannot be read.
     */
    static Written written(String createIndex) {
        SqliteTokens index = SqliteTokens.of(createIndex).orElse(null);
        int open = index == null ? -1 : keyList(index, 0);
        int close = open < 0 ? -1 : index.closing(open);
        if (close < 0) {
            return new Written(List.of(), Optional.empty());
        }
        List<String> keys = new ArrayList<>();
        for (int[] part : keyParts(index, open, close)) {
            int from = part[0];
            int to = index.is(part[1] - 1, "ASC") || index.is(part[1] - 1, "DESC") ? part[1] - 1 : part[1];
            if (to <= from) {
                return new Written(List.of(), Optional.empty());
            }
            keys.add(createIndex.substring(index.start(from), index.end(to - 1)));
        }
        Optional<String> where = index.is(close + 1, "WHERE") && close + 2 < index.size()
                ? Optional.of(createIndex.substring(index.start(close + 2)).strip()) : Optional.empty();
        return new Written(keys, where);
    }

    /** What {@link #written} reads: the key parts and the WHERE condition of a partial index. */
    record Written(List<String> keys, Optional<String> where) {
    }

    /**
     * The key parts between the parentheses at {@code open} and {@code close}, split at the commas outside any
     * nested parentheses: each the first token and the one after the last, {@code {from, to}}.
     */
    private static List<int[]> keyParts(SqliteTokens index, int open, int close) {
        List<int[]> parts = new ArrayList<>();
        int from = open + 1;
        int depth = 0;
        for (int k = from; k <= close; k++) {
            byte kind = index.kind(k);
            if (kind == SqliteTokens.LP) {
                depth++;
            } else if (kind == SqliteTokens.RP && k < close) {
                depth--;
            } else if (depth == 0 && (kind == SqliteTokens.COMMA || k == close)) {
                parts.add(new int[] {from, k});
                from = k + 1;
            }
        }
        return parts;
    }

    /** The position of the parenthesis opening the key list (after ON table), searching from {@code i}, or -1. */
    private static int keyList(SqliteTokens index, int i) {
        while (i < index.size() && !index.is(i, "ON")) {
            i++;
        }
        i += 2; // ON table
        return index.kind(i) == SqliteTokens.LP ? i : -1;
    }

    /** The key in tokens {@code from} to {@code to} (exclusive), or null when only the pragmas can tell. */
    private static KeyRow key(SqliteTokens index, int from, int to, UnaryOperator<String> columnNamed) {
        boolean desc = index.is(to - 1, "DESC");
        if (desc || index.is(to - 1, "ASC")) {
            to--;
        }
        if (to - from >= 2 && index.is(to - 2, "COLLATE") && (index.isName(to - 1)
                || index.kind(to - 1) == SqliteTokens.STRING)) {
            to -= 2;
        }
        if (to - from == 1 && index.isName(from)) {
            String column = columnNamed.apply(index.dequoted(from));
            return column == null ? null : new KeyRow(column, desc); // not a column: a string, or rowid
        }
        // A function call (not likely/unlikely/likelihood, which SQLite may see through) is an expression.
        if (index.kind(from) == SqliteTokens.NAME && index.kind(from + 1) == SqliteTokens.LP
                && index.closing(from + 1) == to - 1 && !index.text(from).toLowerCase(Locale.ROOT).contains("like")) {
            return new KeyRow(null, desc);
        }
        return null;
    }
}
