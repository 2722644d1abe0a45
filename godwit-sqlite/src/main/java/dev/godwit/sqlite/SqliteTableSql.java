package dev.godwit.sqlite;

import dev.godwit.model.Deferrable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SQLite keeps only in a table's CREATE statement, not in its pragmas: CHECK constraints and their names,
 * generated-column expressions, column collations, the names given with CONSTRAINT to primary keys, UNIQUE constraints
 * and foreign keys, foreign key deferrability, AUTOINCREMENT, WITHOUT ROWID and STRICT. {@link SqliteCreateText}
 * gathers the same facts on its walk; this reader is for the tables that walk gives up on. The statement is split at top-level commas (outside parentheses, quotes and comments) into column
 * definitions and table constraints; keywords are looked for in a {@link #mask masked} copy, so that the text of a
 * string, a comment or a nested expression is never taken for a clause.
 */
final class SqliteTableSql {

    private static final String NAME = "(\"(?:[^\"]|\"\")*\"|`[^`]*`|\\[[^]]*]|[^\\s(),]+)";
    private static final Pattern CONSTRAINT_START = Pattern.compile(
            "(?is)^(CONSTRAINT\\s+" + NAME + "\\s+)?(PRIMARY|UNIQUE|CHECK|FOREIGN)\\b.*");
    private static final Pattern NAMED_CHECK = Pattern.compile("(?is)(?:CONSTRAINT\\s+" + NAME + "\\s+)?CHECK\\s*\\(");
    private static final Pattern NAMED = Pattern.compile(
            "(?is)\\bCONSTRAINT\\s+" + NAME + "\\s+(PRIMARY|UNIQUE|REFERENCES)\\b");
    private static final Pattern REFERENCES = Pattern.compile("(?is)\\bREFERENCES\\s+" + NAME);
    private static final Pattern FOREIGN_KEY = Pattern.compile("(?is)\\bFOREIGN\\s+KEY\\s*\\(");
    private static final Pattern UNIQUE = Pattern.compile("(?is)\\bUNIQUE\\s*\\(");
    private static final Pattern DEFERRABLE = Pattern.compile(
            "(?is)\\b(NOT\\s+)?DEFERRABLE\\b(?:\\s+INITIALLY\\s+(DEFERRED|IMMEDIATE))?");
    private static final Pattern GENERATED = Pattern.compile("(?is)(?:GENERATED\\s+ALWAYS\\s+)?\\bAS\\s*\\(");
    private static final Pattern COLLATE = Pattern.compile("(?is)\\bCOLLATE\\s+" + NAME);
    private static final Pattern AUTOINCREMENT = Pattern.compile("(?i)\\bAUTOINCREMENT\\b");
    private static final Pattern WITHOUT_ROWID = Pattern.compile("(?s).*\\bWITHOUT\\s+ROWID\\b.*");
    private static final Pattern STRICT = Pattern.compile("(?s).*\\bSTRICT\\b.*");

    final List<String> checks = new ArrayList<>();
    final List<String> checkNames = new ArrayList<>();
    final Map<String, String> generated = new LinkedHashMap<>();
    final Map<String, String> collations = new LinkedHashMap<>();
    /** The name given with CONSTRAINT to the primary key, or "" (SQLite keeps no other). */
    String primaryKeyName = "";
    /** Names given with CONSTRAINT to UNIQUE constraints, by their columns (lower case). */
    final Map<List<String>, String> uniqueNames = new HashMap<>();
    /** FOREIGN KEY and REFERENCES clauses in declaration order. */
    final List<ForeignKeyClause> foreignKeys = new ArrayList<>();
    boolean autoincrement;
    boolean withoutRowid;
    boolean strict;

    /**
     * A foreign key as declared: what {@code pragma_foreign_key_list} leaves out is its name and deferrability.
     *
     * @param columns the referencing columns, lower case, to match the pragma's rows
     * @param table   the referenced table, lower case
     */
    record ForeignKeyClause(Optional<String> name, List<String> columns, String table, Deferrable deferrable) {
    }

    static SqliteTableSql parse(String createTable) {
        SqliteTableSql t = new SqliteTableSql();
        int open = createTable.indexOf('(');
        int close = matching(createTable, open);
        if (open < 0 || close < 0) {
            return t;
        }
        String options = createTable.substring(close + 1).toUpperCase(Locale.ROOT);
        t.withoutRowid = options.contains("WITHOUT") && WITHOUT_ROWID.matcher(options).matches();
        t.strict = options.contains("STRICT") && STRICT.matcher(options).matches();
        for (String item : splitTopLevel(createTable.substring(open + 1, close))) {
            t.item(item.strip());
        }
        return t;
    }

    private void item(String item) {
        String masked = mask(item);
        // Each pattern is tried only when its keyword is in the text at all: most items have none of them.
        String upper = masked.toUpperCase(Locale.ROOT);
        autoincrement |= upper.contains("AUTOINCREMENT") && AUTOINCREMENT.matcher(masked).find();
        boolean column = !(startsWithConstraintKeyword(upper) && CONSTRAINT_START.matcher(masked).matches());
        if (column) {
            String token = firstToken(item);
            String name = unquote(token);
            column(name, item.substring(token.length()), masked.substring(token.length()), upper);
        } else {
            tableConstraint(item, masked);
        }
        if (!upper.contains("CHECK")) {
            return;
        }
        Matcher m = NAMED_CHECK.matcher(masked);
        while (m.find()) {
            int start = m.end() - 1;
            int end = matching(item, start);
            if (end > start) {
                checks.add(item.substring(start + 1, end).strip());
                checkNames.add(m.group(1) == null ? null : unquote(item.substring(m.start(1), m.end(1))));
            }
        }
    }

    private static boolean startsWithConstraintKeyword(String upper) {
        return upper.startsWith("CONSTRAINT") || upper.startsWith("PRIMARY") || upper.startsWith("UNIQUE")
                || upper.startsWith("CHECK") || upper.startsWith("FOREIGN");
    }

    /**
     * A column definition; {@code masked} is {@code rest} with quoted and parenthesised text blanked, {@code upper}
     * the whole masked item upper case, to skip the patterns whose keyword it does not hold.
     */
    private void column(String name, String rest, String masked, String upper) {
        Matcher g = upper.contains("AS") ? GENERATED.matcher(masked) : null;
        if (g != null && g.find()) {
            int start = g.end() - 1;
            int end = matching(rest, start);
            if (end > start) {
                generated.put(name, rest.substring(start + 1, end).strip());
            }
        }
        Matcher c = upper.contains("COLLATE") ? COLLATE.matcher(masked) : null;
        if (c != null && c.find()) {
            collations.put(name, unquote(rest.substring(c.start(1), c.end(1))));
        }
        Optional<String> fkName = Optional.empty();
        Matcher named = upper.contains("CONSTRAINT") ? NAMED.matcher(masked) : null;
        while (named != null && named.find()) {
            String constraint = unquote(rest.substring(named.start(1), named.end(1)));
            switch (named.group(2).toUpperCase(Locale.ROOT)) {
                case "PRIMARY" -> primaryKeyName = constraint;
                case "UNIQUE" -> uniqueNames.put(List.of(lower(name)), constraint);
                default -> fkName = Optional.of(constraint);
            }
        }
        Matcher references = upper.contains("REFERENCES") ? REFERENCES.matcher(masked) : null;
        if (references != null && references.find()) {
            foreignKeys.add(new ForeignKeyClause(fkName, List.of(lower(name)),
                    lower(unquote(rest.substring(references.start(1), references.end(1)))),
                    deferrable(masked.substring(references.end()))));
        }
    }

    private void tableConstraint(String item, String masked) {
        Matcher start = CONSTRAINT_START.matcher(masked);
        start.matches();
        Optional<String> name = Optional.ofNullable(start.group(2))
                .map(n -> unquote(item.substring(start.start(2), start.end(2))));
        switch (start.group(3).toUpperCase(Locale.ROOT)) {
            case "PRIMARY" -> primaryKeyName = name.orElse("");
            case "UNIQUE" -> {
                Matcher u = UNIQUE.matcher(masked);
                if (name.isPresent() && u.find()) {
                    uniqueNames.put(columnList(item, u.end() - 1), name.get());
                }
            }
            case "FOREIGN" -> {
                Matcher fk = FOREIGN_KEY.matcher(masked);
                Matcher references = REFERENCES.matcher(masked);
                if (fk.find() && references.find()) {
                    foreignKeys.add(new ForeignKeyClause(name, columnList(item, fk.end() - 1),
                            lower(unquote(item.substring(references.start(1), references.end(1)))),
                            deferrable(masked.substring(references.end()))));
                }
            }
            default -> { }
        }
    }

    /** The column names in the parentheses opening at {@code open}, lower case, without COLLATE or ASC/DESC. */
    private static List<String> columnList(String item, int open) {
        int close = matching(item, open);
        List<String> columns = new ArrayList<>();
        if (close > open) {
            for (String part : splitTopLevel(item.substring(open + 1, close))) {
                columns.add(lower(unquote(firstToken(part.strip()))));
            }
        }
        return columns;
    }

    private static Deferrable deferrable(String maskedClause) {
        Matcher d = DEFERRABLE.matcher(maskedClause);
        if (!d.find() || d.group(1) != null) {
            return Deferrable.NOT_DEFERRABLE;
        }
        // SQLite: DEFERRABLE without INITIALLY DEFERRED is checked immediately, as in the SQL standard.
        return "DEFERRED".equalsIgnoreCase(d.group(2)) ? Deferrable.DEFERRABLE_INITIALLY_DEFERRED
                : Deferrable.DEFERRABLE_INITIALLY_IMMEDIATE;
    }

    /** The {@code i}th check's name, or a generated one ending in {@code _check}. */
    String checkName(String table, int i) {
        String name = checkNames.get(i);
        return name != null ? name : table + "_" + (i + 1) + "_check";
    }

    Optional<String> generatedExpression(String column) {
        return Optional.ofNullable(generated.get(column));
    }

    /**
     * {@code sql} with the same length, where the inside of quotes becomes {@code x}, the inside of parentheses and
     * comments becomes spaces: keywords found in it are keywords of this level, and their offsets hold in {@code sql}.
     */
    static String mask(String sql) {
        char[] out = sql.toCharArray();
        int depth = 0;
        for (int i = 0; i < out.length; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                int end = skipQuoted(sql, i);
                for (int j = i + 1; j < end; j++) {
                    out[j] = depth > 0 ? ' ' : 'x';
                }
                i = end;
            } else if (c == '-' && i + 1 < out.length && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                int end = nl < 0 ? out.length : nl;
                for (; i < end; i++) {
                    out[i] = ' ';
                }
            } else if (c == '/' && i + 1 < out.length && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                int end = close < 0 ? out.length : close + 2;
                for (; i < end; i++) {
                    out[i] = ' ';
                }
                i--;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth > 0) {
                out[i] = ' ';
            }
        }
        return new String(out);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static List<String> splitTopLevel(String body) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                i = skipQuoted(body, i);
            } else if (c == '-' && i + 1 < body.length() && body.charAt(i + 1) == '-') {
                int nl = body.indexOf('\n', i);
                i = nl < 0 ? body.length() - 1 : nl;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(body.substring(from, i));
                from = i + 1;
            }
        }
        items.add(body.substring(from));
        return items;
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    static int matching(String s, int open) {
        if (open < 0) {
            return -1;
        }
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                i = skipQuoted(s, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static int skipQuoted(String s, int start) {
        char close = s.charAt(start) == '[' ? ']' : s.charAt(start);
        for (int i = start + 1; i < s.length(); i++) {
            if (s.charAt(i) == close) {
                if (close != ']' && i + 1 < s.length() && s.charAt(i + 1) == close) {
                    i++;
                    continue;
                }
                return i;
            }
        }
        return s.length() - 1;
    }

    private static String firstToken(String item) {
        char c = item.isEmpty() ? ' ' : item.charAt(0);
        if (c == '"' || c == '`' || c == '[') {
            return item.substring(0, skipQuoted(item, 0) + 1);
        }
        int end = 0;
        while (end < item.length() && !Character.isWhitespace(item.charAt(end)) && item.charAt(end) != '(') {
            end++;
        }
        return item.substring(0, end);
    }

    static String unquote(String name) {
        if (name.length() >= 2 && (name.startsWith("\"") && name.endsWith("\"") || name.startsWith("`")
                && name.endsWith("`") || name.startsWith("[") && name.endsWith("]"))) {
            return name.substring(1, name.length() - 1).replace("\"\"", "\"");
        }
        return name;
    }
}
