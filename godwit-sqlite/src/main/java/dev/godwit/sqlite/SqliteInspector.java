package dev.godwit.sqlite;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.dialect.Inspector;
import dev.godwit.dialect.SqlResources;
import dev.godwit.model.Catalog;
import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.Deferrable;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.PrimaryKey;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import dev.godwit.model.Trigger;
import dev.godwit.model.UniqueConstraint;
import dev.godwit.model.View;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a SQLite database's {@code main} schema with four statements whatever its size: the objects of
 * {@code sqlite_master}, and the {@code pragma_table_xinfo}, {@code pragma_index_list}/{@code pragma_index_xinfo} and
 * {@code pragma_foreign_key_list} table-valued functions joined to it. What the pragmas do not report (checks,
 * generated expressions, collations, constraint names, foreign key deferrability, AUTOINCREMENT, WITHOUT ROWID,
 * STRICT, index expressions) is read from the CREATE text.
 *
 * <p>Names: a primary key is named only when declared with CONSTRAINT, else {@code ""}; a UNIQUE constraint takes its
 * CONSTRAINT name, else SQLite's {@code sqlite_autoindex_<table>_<n>}; a foreign key takes its CONSTRAINT name, else
 * {@code <table>_<columns>_fkey}; a check its CONSTRAINT name, else {@code <table>_<n>_check}. A virtual table is kept
 * as its CREATE VIRTUAL TABLE text (attribute {@code virtual}) with no columns, and its shadow tables are left out.
 * Triggers on views ({@code INSTEAD OF}) have no place in the model and are not read.
 */
final class SqliteInspector implements Inspector {

    /** The catalog queries, read once. */
    private static final String OBJECTS = SqlResources.read(SqliteInspector.class, "inspect/objects.sql");
    private static final String COLUMNS = SqlResources.read(SqliteInspector.class, "inspect/columns.sql");
    private static final String INDEXES = SqlResources.read(SqliteInspector.class, "inspect/indexes.sql");
    private static final String FOREIGN_KEYS = SqlResources.read(SqliteInspector.class, "inspect/foreign_keys.sql");
    private static final String SCHEMA = "main";
    private static final Pattern TYPE = Pattern.compile("\\s*([^(]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");
    private static final Pattern WORD = Pattern.compile("[\\w$]+");
    private static final Pattern WHERE = Pattern.compile("(?is)\\)\\s*WHERE\\s+(.*)$");

    @Override
    public Catalog inspect(Connection connection, InspectOptions options) throws SQLException {
        Map<String, String> tableSql = new TreeMap<>();
        List<View> views = new ArrayList<>();
        Map<String, List<Trigger>> triggers = new HashMap<>();
        Map<String, String> indexSql = new HashMap<>();
        List<String[]> viewRows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(OBJECTS)) {
            while (rs.next()) {
                String type = rs.getString(1);
                String name = rs.getString(2);
                switch (type) {
                    case "table" -> {
                        // Shadow tables are the storage of a virtual table: they come back with it.
                        if (options.selects(SCHEMA, name) && !"shadow".equals(rs.getString(5))) {
                            tableSql.put(name, rs.getString(4));
                        }
                    }
                    case "view" -> {
                        if (options.selects(SCHEMA, name)) {
                            viewRows.add(new String[] {name, rs.getString(4)});
                        }
                    }
                    case "trigger" -> triggers.computeIfAbsent(rs.getString(3), k -> new ArrayList<>())
                            .add(new Trigger(name, rs.getString(4)));
                    case "index" -> indexSql.put(name, rs.getString(4));
                    default -> { }
                }
            }
        }
        List<String> names = new ArrayList<>(tableSql.keySet());
        viewRows.forEach(v -> names.add(v[0]));
        for (String[] v : viewRows) {
            views.add(new View(name(v[0]), false, v[1], dependencies(v[1], names, v[0]), List.of(), Optional.empty()));
        }
        Map<String, List<Column>> columns = new HashMap<>();
        Map<String, TreeMap<Integer, String>> primaryKeys = new HashMap<>();
        Map<String, SqliteTableSql> parsed = new HashMap<>();
        tableSql.forEach((t, sql) -> parsed.put(t, virtual(sql) ? new SqliteTableSql()
                : SqliteTableSql.parse(sql)));
        java.util.Set<String> stored = new java.util.HashSet<>();
        readColumns(connection, tableSql, parsed, columns, primaryKeys, stored);
        Map<String, List<UniqueConstraint>> uniques = new HashMap<>();
        Map<String, List<Index>> indexes = new HashMap<>();
        readIndexes(connection, tableSql, parsed, indexSql, uniques, indexes);
        Map<String, List<ForeignKey>> foreignKeys = readForeignKeys(connection, tableSql, parsed);

        List<Table> tables = new ArrayList<>();
        for (String t : tableSql.keySet()) {
            SqliteTableSql sql = parsed.get(t);
            List<String> pk = new ArrayList<>(primaryKeys.getOrDefault(t, new TreeMap<>()).values());
            List<Check> checks = new ArrayList<>();
            for (int i = 0; i < sql.checks.size(); i++) {
                checks.add(new Check(sql.checkName(t, i), sql.checks.get(i)));
            }
            Map<String, String> attributes = new TreeMap<>();
            if (virtual(tableSql.get(t))) {
                // A virtual table is its module's: kept as its CREATE VIRTUAL TABLE text, with no columns.
                attributes.put("virtual", tableSql.get(t));
            }
            if (sql.withoutRowid) {
                attributes.put("without_rowid", "true");
            }
            if (sql.strict) {
                attributes.put("strict", "true");
            }
            if (sql.autoincrement && pk.size() == 1) {
                attributes.put("autoincrement", pk.get(0));
            }
            columns.getOrDefault(t, List.of()).stream().filter(c -> c.generated().isPresent())
                    .filter(c -> stored.contains(t + "." + c.name()))
                    .forEach(c -> attributes.put("stored." + c.name(), "true"));
            tables.add(new Table(name(t), columns.getOrDefault(t, List.of()),
                    pk.isEmpty() ? Optional.empty() : Optional.of(new PrimaryKey(sql.primaryKeyName, pk)),
                    uniques.getOrDefault(t, List.of()), indexes.getOrDefault(t, List.of()),
                    foreignKeys.getOrDefault(t, List.of()), checks, triggers.getOrDefault(t, List.of()),
                    Optional.empty(), Optional.empty(), false, Optional.empty(), attributes));
        }
        return new Catalog("sqlite", List.of(new Schema(SCHEMA, tables, views, List.of(), List.of(), List.of(),
                List.of(), Optional.empty())), List.of());
    }

    /** Columns by table, primary key columns by position, and STORED generated columns ("table.column"). */
    private static void readColumns(Connection connection, Map<String, String> tables,
                                    Map<String, SqliteTableSql> parsed, Map<String, List<Column>> columns,
                                    Map<String, TreeMap<Integer, String>> pks, java.util.Set<String> stored)
            throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(COLUMNS)) {
            while (rs.next()) {
                String table = rs.getString("table_name");
                if (!tables.containsKey(table)) {
                    continue;
                }
                String name = rs.getString("name");
                int hidden = rs.getInt("hidden");
                if (hidden == 1) {
                    continue; // a virtual table's hidden column: virtual tables are kept as their CREATE text
                }
                SqliteTableSql sql = parsed.get(table);
                Optional<String> generated = hidden == 2 || hidden == 3 ? sql.generatedExpression(name)
                        : Optional.empty();
                if (hidden == 3) {
                    stored.add(table + "." + name);
                }
                columns.computeIfAbsent(table, k -> new ArrayList<>()).add(new Column(name,
                        type(rs.getString("type")), rs.getInt("notnull") == 0,
                        Optional.ofNullable(rs.getString("dflt_value")), Optional.empty(), generated,
                        Optional.ofNullable(sql.collations.get(name)), Optional.empty()));
                int pk = rs.getInt("pk");
                if (pk > 0) {
                    pks.computeIfAbsent(table, k -> new TreeMap<>()).put(pk, name);
                }
            }
        }
    }

    private static void readIndexes(Connection connection, Map<String, String> tables,
                                    Map<String, SqliteTableSql> parsed, Map<String, String> indexSql,
                                    Map<String, List<UniqueConstraint>> uniques, Map<String, List<Index>> indexes)
            throws SQLException {
        Map<String, List<Index.Key>> keys = new LinkedHashMap<>();
        Map<String, String[]> info = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(INDEXES)) {
            while (rs.next()) {
                String table = rs.getString("table_name");
                if (!tables.containsKey(table) || rs.getString("origin").equals("pk")) {
                    continue;
                }
                String index = rs.getString("index_name");
                info.putIfAbsent(index, new String[] {table, rs.getString("origin"), rs.getString("unique")});
                String column = rs.getString("column_name");
                keys.computeIfAbsent(index, k -> new ArrayList<>()).add(new Index.Key(Optional.ofNullable(column),
                        column == null ? Optional.of("(expression)") : Optional.empty(), rs.getInt("desc") == 1,
                        false));
            }
        }
        keys.forEach((index, parts) -> {
            String[] i = info.get(index);
            if (i[1].equals("u")) {
                List<String> columns = parts.stream().map(p -> p.column().orElse("")).toList();
                String name = parsed.get(i[0]).uniqueNames.getOrDefault(columns.stream()
                        .map(c -> c.toLowerCase(Locale.ROOT)).toList(), index);
                uniques.computeIfAbsent(i[0], k -> new ArrayList<>()).add(new UniqueConstraint(name, columns,
                        Deferrable.NOT_DEFERRABLE));
            } else {
                String definition = indexSql.getOrDefault(index, "");
                parts = withExpressions(parts, SqliteTableSql.indexKeys(definition));
                Matcher where = WHERE.matcher(definition);
                indexes.computeIfAbsent(i[0], k -> new ArrayList<>()).add(new Index(index, i[2].equals("1"),
                        "btree", parts, List.of(), where.find() ? Optional.of(where.group(1).strip())
                        : Optional.empty(), definition));
            }
        });
    }

    /**
     * The key parts with what the pragma cannot say taken from the CREATE INDEX text: an expression key's
     * expression, and a column key with a COLLATE clause, which becomes an expression ({@code name COLLATE NOCASE}).
     */
    private static List<Index.Key> withExpressions(List<Index.Key> parts, List<String> written) {
        if (written.size() != parts.size()) {
            return parts;
        }
        List<Index.Key> keys = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            Index.Key part = parts.get(k);
            String text = written.get(k);
            boolean plain = part.column().map(c -> c.equalsIgnoreCase(SqliteTableSql.unquote(text))).orElse(false);
            keys.add(plain ? part : new Index.Key(Optional.empty(), Optional.of(text), part.descending(), false));
        }
        return keys;
    }

    private static Map<String, List<ForeignKey>> readForeignKeys(Connection connection, Map<String, String> tables,
                                                                 Map<String, SqliteTableSql> parsed)
            throws SQLException {
        Map<String, Map<Integer, List<String[]>>> rows = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(FOREIGN_KEYS)) {
            while (rs.next()) {
                String table = rs.getString("table_name");
                if (tables.containsKey(table)) {
                    rows.computeIfAbsent(table, k -> new TreeMap<>()).computeIfAbsent(rs.getInt("id"),
                            k -> new ArrayList<>()).add(new String[] {rs.getString("table"), rs.getString("from"),
                            rs.getString("to"), rs.getString("on_update"), rs.getString("on_delete")});
                }
            }
        }
        Map<String, List<ForeignKey>> out = new HashMap<>();
        rows.forEach((table, keys) -> {
            List<SqliteTableSql.ForeignKeyClause> clauses = new ArrayList<>(parsed.get(table).foreignKeys);
            keys.values().forEach(pairs -> {
                List<String> from = pairs.stream().map(p -> p[1]).toList();
                List<String> to = pairs.stream().map(p -> p[2]).filter(java.util.Objects::nonNull).toList();
                String[] first = pairs.get(0);
                Optional<SqliteTableSql.ForeignKeyClause> clause = clauses.stream()
                        .filter(c -> c.table().equalsIgnoreCase(first[0]) && c.columns().equals(from.stream()
                                .map(f -> f.toLowerCase(Locale.ROOT)).toList()))
                        .findFirst();
                clause.ifPresent(clauses::remove);
                // SQLite keeps a foreign key's name only in the CREATE text; without one, use the name PostgreSQL
                // would generate. SQLite parses MATCH but enforces every key as MATCH SIMPLE.
                String name = clause.flatMap(SqliteTableSql.ForeignKeyClause::name)
                        .orElse(table + "_" + String.join("_", from) + "_fkey");
                out.computeIfAbsent(table, k -> new ArrayList<>()).add(new ForeignKey(name, from, name(first[0]), to,
                        action(first[3]), action(first[4]), ForeignKey.Match.SIMPLE, clause
                        .map(SqliteTableSql.ForeignKeyClause::deferrable).orElse(Deferrable.NOT_DEFERRABLE)));
            });
        });
        return out;
    }

    private static ForeignKey.Action action(String text) {
        return ForeignKey.Action.valueOf(text.toUpperCase(Locale.ROOT).replace(' ', '_'));
    }

    /** A declared type: SQLite keeps it as written, so raw is the text and the name its lower-case head. */
    static DataType type(String declared) {
        String raw = declared == null ? "" : declared.strip();
        Matcher m = TYPE.matcher(raw);
        if (!m.matches()) {
            return new DataType(raw.toLowerCase(Locale.ROOT), Optional.empty(), Optional.empty(), Optional.empty(),
                    0, raw);
        }
        String name = m.group(1).toLowerCase(Locale.ROOT);
        Optional<Integer> first = Optional.ofNullable(m.group(2)).map(Integer::valueOf);
        Optional<Integer> second = Optional.ofNullable(m.group(3)).map(Integer::valueOf);
        boolean numeric = name.matches("decimal|numeric|number|real|double.*|float");
        return new DataType(name, numeric ? Optional.empty() : first, numeric ? first : Optional.empty(),
                numeric ? second : Optional.empty(), 0, raw);
    }

    /** The tables and views a view's text names, as whole words (quoted or not), found in one pass over it. */
    private static List<QualifiedName> dependencies(String viewSql, List<String> names, String self) {
        java.util.Set<String> words = new java.util.HashSet<>();
        Matcher word = WORD.matcher(viewSql.toLowerCase(Locale.ROOT));
        while (word.find()) {
            words.add(word.group());
        }
        return names.stream().filter(n -> !n.equals(self) && words.contains(n.toLowerCase(Locale.ROOT)))
                .map(SqliteInspector::name).collect(Collectors.toList());
    }

    private static boolean virtual(String createTable) {
        return createTable.regionMatches(true, 0, "CREATE VIRTUAL TABLE", 0, "CREATE VIRTUAL TABLE".length());
    }

    private static QualifiedName name(String table) {
        return QualifiedName.of(SCHEMA, table);
    }
}
