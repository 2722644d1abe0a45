package dev.godwit.sqlite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SQLite keeps only in a table's CREATE statement, not in its pragmas: CHECK constraints and their names,
 * generated-column expressions, column collations, AUTOINCREMENT, WITHOUT ROWID and STRICT. The statement is split
 * at top-level commas (outside parentheses, quotes and comments) into column definitions and table constraints.
 */
final class SqliteTableSql {

    private static final Pattern CONSTRAINT_START = Pattern.compile(
            "(?is)^(CONSTRAINT\\s+(\"(?:[^\"]|\"\")*\"|`[^`]*`|\\[[^]]*]|\\S+)\\s+)?(PRIMARY|UNIQUE|CHECK|FOREIGN)\\b.*");
    private static final Pattern NAMED_CHECK = Pattern.compile(
            "(?is)(?:CONSTRAINT\\s+(\"(?:[^\"]|\"\")*\"|`[^`]*`|\\[[^]]*]|[^\\s(]+)\\s+)?CHECK\\s*\\(");
    private static final Pattern GENERATED = Pattern.compile("(?is)(?:GENERATED\\s+ALWAYS\\s+)?\\bAS\\s*\\(");
    private static final Pattern COLLATE = Pattern.compile("(?is)\\bCOLLATE\\s+(\"(?:[^\"]|\"\")*\"|\\w+)");

    final List<String> checks = new ArrayList<>();
    final List<String> checkNames = new ArrayList<>();
    final Map<String, String> generated = new LinkedHashMap<>();
    final Map<String, String> collations = new LinkedHashMap<>();
    boolean autoincrement;
    boolean withoutRowid;
    boolean strict;

    static SqliteTableSql parse(String createTable) {
        SqliteTableSql t = new SqliteTableSql();
        int open = createTable.indexOf('(');
        int close = matching(createTable, open);
        if (open < 0 || close < 0) {
            return t;
        }
        String options = createTable.substring(close + 1).toUpperCase(Locale.ROOT);
        t.withoutRowid = options.matches("(?s).*\\bWITHOUT\\s+ROWID\\b.*");
        t.strict = options.matches("(?s).*\\bSTRICT\\b.*");
        t.autoincrement = createTable.toUpperCase(Locale.ROOT).matches("(?s).*\\bAUTOINCREMENT\\b.*");
        for (String item : splitTopLevel(createTable.substring(open + 1, close))) {
            t.item(item.strip());
        }
        return t;
    }

    private void item(String item) {
        boolean column = !CONSTRAINT_START.matcher(item).matches();
        if (column) {
            String name = unquote(firstToken(item));
            String rest = item.substring(firstToken(item).length());
            Matcher g = GENERATED.matcher(rest);
            if (g.find()) {
                int start = g.end() - 1;
                int end = matching(rest, start);
                if (end > start) {
                    generated.put(name, rest.substring(start + 1, end).strip());
                }
            }
            Matcher c = COLLATE.matcher(rest);
            if (c.find()) {
                collations.put(name, unquote(c.group(1)));
            }
        }
        Matcher m = NAMED_CHECK.matcher(item);
        while (m.find()) {
            int start = m.end() - 1;
            int end = matching(item, start);
            if (end > start) {
                checks.add(item.substring(start + 1, end).strip());
                checkNames.add(m.group(1) == null ? null : unquote(m.group(1)));
            }
        }
    }

    /** The name of the {@code i}th check, or a generated one ending in {@code _check}. */
    String checkName(String table, int i) {
        String name = checkNames.get(i);
        return name != null ? name : table + "_" + (i + 1) + "_check";
    }

    Optional<String> generatedExpression(String column) {
        return Optional.ofNullable(generated.get(column));
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
