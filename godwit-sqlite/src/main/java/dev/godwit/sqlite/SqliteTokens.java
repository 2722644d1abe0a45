package dev.godwit.sqlite;

import java.util.Arrays;
import java.util.Optional;

/**
 * The tokens of one SQLite statement, as SQLite's tokenizer (tokenize.c) cuts them, without whitespace and comments.
 * Only what a CREATE TABLE or CREATE INDEX needs is told apart: names (bare, or quoted with {@code "} {@code `}
 * {@code []}), strings, numbers, blobs, and the punctuation {@code ( ) , . + -}; any other operator is
 * {@link #OTHER}. A character SQLite would reject, a variable or an unterminated quote or comment makes
 * {@link #of} return empty: the caller then asks the pragmas.
 */
final class SqliteTokens {

    static final byte NAME = 1;
    static final byte QUOTED_NAME = 2;
    static final byte STRING = 3;
    static final byte NUMBER = 4;
    static final byte BLOB = 5;
    static final byte LP = 6;
    static final byte RP = 7;
    static final byte COMMA = 8;
    static final byte DOT = 9;
    static final byte PLUS = 10;
    static final byte MINUS = 11;
    static final byte OTHER = 12;

    final String sql;
    private byte[] kinds = new byte[64];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int size;

    private SqliteTokens(String sql) {
        this.sql = sql;
    }

    static Optional<SqliteTokens> of(String sql) {
        SqliteTokens t = new SqliteTokens(sql);
        return t.scan() ? Optional.of(t) : Optional.empty();
    }

    int size() {
        return size;
    }

    byte kind(int i) {
        return i < size ? kinds[i] : 0;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    String text(int i) {
        return sql.substring(starts[i], ends[i]);
    }

    /** Whether token {@code i} is the bare keyword {@code upper} (ASCII case-insensitive, as SQLite compares). */
    boolean is(int i, String upper) {
        if (i >= size || kinds[i] != NAME || ends[i] - starts[i] != upper.length()) {
            return false;
        }
        for (int k = 0; k < upper.length(); k++) {
            char c = sql.charAt(starts[i] + k);
            if ((c >= 'a' && c <= 'z' ? (char) (c - 32) : c) != upper.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Whether token {@code i} is a name, bare or quoted. */
    boolean isName(int i) {
        return kind(i) == NAME || kind(i) == QUOTED_NAME;
    }

    /** Token {@code i} as SQLite dequotes a name or string ({@code "a""b"} is {@code a"b}, {@code [x]} is x). */
    String dequoted(int i) {
        return dequote(text(i));
    }

    /** The index of the token closing the parenthesis at {@code open}, or -1. */
    int closing(int open) {
        int depth = 0;
        for (int i = open; i < size; i++) {
            if (kinds[i] == LP) {
                depth++;
            } else if (kinds[i] == RP && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    static String dequote(String s) {
        char q = s.isEmpty() ? ' ' : s.charAt(0);
        if (q == '[') {
            return s.substring(1, s.length() - 1);
        }
        if (q != '"' && q != '\'' && q != '`') {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            out.append(c);
            if (c == q) {
                i++; // a doubled quote stands for one
            }
        }
        return out.toString();
    }

    /** SQLite's sqlite3Isspace: the characters it trims from a DEFAULT text. */
    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == 0x0b;
    }

    private static boolean isIdChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$'
                || c >= 0x80;
    }

    private boolean scan() {
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            byte kind;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') {
                i++;
                continue;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
                continue;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                if (close < 0) {
                    return false;
                }
                i = close + 2;
                continue;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                int end = quoteEnd(i);
                if (end < 0) {
                    return false;
                }
                i = end;
                kind = c == '\'' ? STRING : QUOTED_NAME;
            } else if ((c == 'x' || c == 'X') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                int end = quoteEnd(i + 1);
                if (end < 0) {
                    return false;
                }
                i = end;
                kind = BLOB;
            } else if (c >= '0' && c <= '9' || c == '.' && i + 1 < n && sql.charAt(i + 1) >= '0'
                    && sql.charAt(i + 1) <= '9') {
                i++;
                while (i < n && (isIdChar(sql.charAt(i)) || sql.charAt(i) == '.')) {
                    char p = sql.charAt(i++);
                    if ((p == 'e' || p == 'E') && i < n && (sql.charAt(i) == '+' || sql.charAt(i) == '-')) {
                        i++;
                    }
                }
                kind = NUMBER;
            } else if (isIdChar(c) && c != '$') {
                while (i < n && isIdChar(sql.charAt(i))) {
                    i++;
                }
                kind = NAME;
            } else if (c == '(' || c == ')' || c == ',' || c == '.' || c == '+' || c == '-') {
                i++;
                kind = c == '(' ? LP : c == ')' ? RP : c == ',' ? COMMA : c == '.' ? DOT : c == '+' ? PLUS : MINUS;
            } else if ("*/%<>=!|&~;".indexOf(c) >= 0) {
                i++;
                kind = OTHER;
            } else {
                return false; // a variable, or a character SQLite rejects: let the pragmas answer
            }
            add(kind, start, i);
        }
        return true;
    }

    /** The index after the quote opening at {@code open}, or -1 when it is not closed. */
    private int quoteEnd(int open) {
        char close = sql.charAt(open) == '[' ? ']' : sql.charAt(open);
        for (int i = open + 1; i < sql.length(); i++) {
            if (sql.charAt(i) == close) {
                if (close != ']' && i + 1 < sql.length() && sql.charAt(i + 1) == close) {
                    i++;
                    continue;
                }
                return i + 1;
            }
        }
        return -1;
    }

    private void add(byte kind, int start, int end) {
        if (size == kinds.length) {
            kinds = Arrays.copyOf(kinds, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        kinds[size] = kind;
        starts[size] = start;
        ends[size] = end;
        size++;
    }
}
