package dev.godwit.sqlite;

import dev.godwit.model.Deferrable;
import java.util.Locale;
import java.util.Set;

/**
 * A walk through the tokens of one statement, with the pieces of SQLite's grammar (parse.y) that do not depend on the
 * table being built: names, declared types, DEFAULT terms, signed numbers, ON CONFLICT, ASC/DESC, COLLATE, foreign
 * key actions and deferrability.
 * A turn the walk does not follow for certain throws {@link Unsure}, which the reader catches to ask the pragmas.
 */
abstract class SqliteTokenWalk {

    /** The type names SQLite reports upper case whatever the case written (sqlite3StdType). */
    private static final Set<String> STANDARD_TYPES = Set.of("ANY", "BLOB", "INT", "INTEGER", "REAL", "TEXT");
    /** Keywords that end a column's type: the start of a column constraint (GENERATED is absorbed, see type()). */
    private static final Set<String> CONSTRAINT_START = Set.of("CONSTRAINT", "DEFAULT", "NULL", "NOT", "PRIMARY",
            "UNIQUE", "CHECK", "REFERENCES", "DEFERRABLE", "COLLATE", "AS");

    final SqliteTokens t;
    /** The token the walk is at. */
    int pos;

    SqliteTokenWalk(SqliteTokens tokens) {
        this.t = tokens;
    }

    /** Thrown where SQLite's grammar takes a turn this reader does not follow; the pragmas then answer. */
    static final class Unsure extends RuntimeException {
        Unsure() {
            super(null, null, false, false);
        }
    }

    /** [+|-] number, as in a type's length. */
    void signedNumber() {
        if (t.kind(pos) == SqliteTokens.PLUS || t.kind(pos) == SqliteTokens.MINUS) {
            pos++;
        }
        expect(SqliteTokens.NUMBER);
    }

    /** Whether token {@code i} is one of the keywords a DEFAULT may be without parentheses. */
    boolean currentTime(int i) {
        return t.is(i, "CURRENT_TIME") || t.is(i, "CURRENT_DATE") || t.is(i, "CURRENT_TIMESTAMP");
    }

    /** A foreign key's ON DELETE / ON UPDATE action, as pragma_foreign_key_list spells it. */
    String action() {
        if (accept("SET")) {
            if (accept("NULL")) {
                return "SET NULL";
            }
            expect("DEFAULT");
            return "SET DEFAULT";
        }
        if (accept("CASCADE")) {
            return "CASCADE";
        }
        if (accept("RESTRICT")) {
            return "RESTRICT";
        }
        expect("NO");
        expect("ACTION");
        return "NO ACTION";
    }

    /** [NOT] DEFERRABLE [INITIALLY DEFERRED | IMMEDIATE]; SQLite checks DEFERRABLE alone immediately. */
    Deferrable deferrable() {
        boolean not = accept("NOT");
        expect("DEFERRABLE");
        boolean deferred = false;
        if (accept("INITIALLY")) {
            deferred = accept("DEFERRED");
            if (!deferred) {
                expect("IMMEDIATE");
            }
        }
        return not ? Deferrable.NOT_DEFERRABLE : deferred ? Deferrable.DEFERRABLE_INITIALLY_DEFERRED
                : Deferrable.DEFERRABLE_INITIALLY_IMMEDIATE;
    }

    /** The text inside the parentheses at the current token, stripped; the position moves past them. */
    String parenthesised() {
        if (t.kind(pos) != SqliteTokens.LP) {
            unsure();
        }
        int close = t.closing(pos);
        if (close < 0) {
            unsure();
        }
        String inside = t.sql.substring(t.end(pos), t.start(close)).strip();
        pos = close + 1;
        return inside;
    }

    void conflictClause() {
        if (t.is(pos, "ON") && t.is(pos + 1, "CONFLICT")) {
            pos += 2;
            if (!(accept("ROLLBACK") || accept("ABORT") || accept("FAIL") || accept("IGNORE")
                    || accept("REPLACE"))) {
                unsure();
            }
        }
    }

    /** Whether an ASC or DESC follows, and whether it is DESC. */
    boolean sortOrder() {
        if (accept("DESC")) {
            return true;
        }
        accept("ASC");
        return false;
    }

    String collationName() {
        if (!t.isName(pos) && t.kind(pos) != SqliteTokens.STRING) {
            unsure();
        }
        return t.dequoted(pos++);
    }

    void name() {
        if (!t.isName(pos) && t.kind(pos) != SqliteTokens.STRING) {
            unsure();
        }
        pos++;
    }

    boolean accept(String keyword) {
        if (t.is(pos, keyword)) {
            pos++;
            return true;
        }
        return false;
    }

    boolean accept(byte kind) {
        if (t.kind(pos) == kind) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(String keyword) {
        if (!accept(keyword)) {
            unsure();
        }
    }

    void expect(byte kind) {
        if (!accept(kind)) {
            unsure();
        }
    }

    static void unsure() {
        throw new Unsure();
    }

    /** Column names compare as SQLite compares them (sqlite3StrICmp): ASCII letters only fold. */
    static String lower(String name) {
        StringBuilder out = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (out == null) {
                    out = new StringBuilder(name);
                }
                out.setCharAt(i, (char) (c + 32));
            }
        }
        return out == null ? name : out.toString();
    }

    /**
     * The declared type as SQLite keeps it: the text from its first word to its last word or closing parenthesis.
     * GENERATED and ALWAYS may be read as type words by SQLite's parser; like sqlite3AddColumn, they are cut off.
     */
    String type() {
        int first = pos;
        while (t.kind(pos) == SqliteTokens.NAME && !constraintKeyword(pos)) {
            pos++;
        }
        if (t.kind(pos) == SqliteTokens.QUOTED_NAME || t.kind(pos) == SqliteTokens.STRING) {
            unsure(); // SQLite dequotes a type that starts with a quote, and keeps the rest as written
        }
        if (pos == first) {
            return "";
        }
        int end = t.end(pos - 1);
        if (t.kind(pos) == SqliteTokens.LP) {
            pos++;
            signedNumber();
            if (accept(SqliteTokens.COMMA)) {
                signedNumber();
            }
            end = t.end(pos);
            expect(SqliteTokens.RP);
        }
        String type = t.sql.substring(t.start(first), end);
        String upper = type.toUpperCase(Locale.ROOT);
        if (upper.endsWith("ALWAYS")) {
            if (type.length() < 16 || !upper.matches("(?s).*\\sGENERATED\\s+ALWAYS") && !upper.equals(
                    "GENERATED ALWAYS")) {
                unsure();
            }
            type = type.substring(0, upper.lastIndexOf("GENERATED")).stripTrailing();
            upper = type.toUpperCase(Locale.ROOT);
        }
        return STANDARD_TYPES.contains(upper) ? upper : type;
    }

    boolean constraintKeyword(int i) {
        for (String keyword : CONSTRAINT_START) {
            if (t.is(i, keyword)) {
                return true;
            }
        }
        return false;
    }

    /** The text sqlite3AddDefaultValue keeps: the term, the signed term, or what is inside the parentheses. */
    String defaultValue() {
        byte kind = t.kind(pos);
        int from;
        int to;
        if (kind == SqliteTokens.LP) {
            int close = t.closing(pos);
            if (close < 0) {
                unsure();
            }
            from = t.end(pos);
            to = t.start(close);
            pos = close + 1;
        } else {
            from = t.start(pos);
            if (kind == SqliteTokens.PLUS || kind == SqliteTokens.MINUS) {
                pos++;
                kind = t.kind(pos);
                if (kind != SqliteTokens.NUMBER && kind != SqliteTokens.STRING && kind != SqliteTokens.BLOB
                        && !t.is(pos, "NULL") && !currentTime(pos)) {
                    unsure();
                }
            } else if (kind != SqliteTokens.NUMBER && kind != SqliteTokens.STRING && kind != SqliteTokens.BLOB
                    && kind != SqliteTokens.QUOTED_NAME && !(kind == SqliteTokens.NAME && (!constraintKeyword(pos)
                    || t.is(pos, "NULL")))) {
                unsure();
            }
            to = t.end(pos);
            pos++;
        }
        while (from < to && SqliteTokens.isSpace(t.sql.charAt(from))) {
            from++;
        }
        while (to > from && SqliteTokens.isSpace(t.sql.charAt(to - 1))) {
            to--;
        }
        return t.sql.substring(from, to);
    }
}
