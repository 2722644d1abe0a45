package dev.godwit.sqlite;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.dialect.Inspector;
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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * generated expressions, collations, AUTOINCREMENT, WITHOUT ROWID, STRICT) is read from the table's CREATE text.
 */
final class SqliteInspector implements Inspector {

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
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql("objects.sql"))) {
            while (rs.next()) {
                String type = rs.getString(1);
                String name = rs.getString(2);
                switch (type) {
                    case "table" -> {
                        if (options.selects(SCHEMA, name)) {
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
        tableSql.forEach((t, sql) -> parsed.put(t, SqliteTableSql.parse(sql)));
        java.util.Set<String> stored = new java.util.HashSet<>();
        readColumns(connection, tableSql, parsed, columns, primaryKeys, stored);
        Map<String, List<UniqueConstraint>> uniques = new HashMap<>();
        Map<String, List<Index>> indexes = new HashMap<>();
        readIndexes(connection, tableSql, indexSql, uniques, indexes);
        Map<String, List<ForeignKey>> foreignKeys = readForeignKeys(connection, tableSql);

        List<Table> tables = new ArrayList<>();
        for (String t : tableSql.keySet()) {
            SqliteTableSql sql = parsed.get(t);
            List<String> pk = new ArrayList<>(primaryKeys.getOrDefault(t, new TreeMap<>()).values());
            List<Check> checks = new ArrayList<>();
            for (int i = 0; i < sql.checks.size(); i++) {
                checks.add(new Check(sql.checkName(t, i), sql.checks.get(i)));
            }
            Map<String, String> attributes = new TreeMap<>();
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
                    pk.isEmpty() ? Optional.empty() : Optional.of(new PrimaryKey("", pk)),
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
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql("columns.sql"))) {
            while (rs.next()) {
                String table = rs.getString("table_name");
                if (!tables.containsKey(table)) {
                    continue;
                }
                String name = rs.getString("name");
                int hidden = rs.getInt("hidden");
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

    private static void readIndexes(Connection connection, Map<String, String> tables, Map<String, String> indexSql,
                                    Map<String, List<UniqueConstraint>> uniques, Map<String, List<Index>> indexes)
            throws SQLException {
        Map<String, List<Index.Key>> keys = new LinkedHashMap<>();
        Map<String, String[]> info = new HashMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql("indexes.sql"))) {
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
                uniques.computeIfAbsent(i[0], k -> new ArrayList<>()).add(new UniqueConstraint(index,
                        parts.stream().map(p -> p.column().orElse("")).toList(), Deferrable.NOT_DEFERRABLE));
            } else {
                String definition = indexSql.getOrDefault(index, "");
                Matcher where = WHERE.matcher(definition);
                indexes.computeIfAbsent(i[0], k -> new ArrayList<>()).add(new Index(index, i[2].equals("1"),
                        "btree", parts, List.of(), where.find() ? Optional.of(where.group(1).strip())
                        : Optional.empty(), definition));
            }
        });
    }

    private static Map<String, List<ForeignKey>> readForeignKeys(Connection connection, Map<String, String> tables)
            throws SQLException {
        Map<String, Map<Integer, List<String[]>>> rows = new TreeMap<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql("foreign_keys.sql"))) {
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
        rows.forEach((table, keys) -> keys.values().forEach(pairs -> {
            List<String> from = pairs.stream().map(p -> p[1]).toList();
            List<String> to = pairs.stream().map(p -> p[2]).filter(java.util.Objects::nonNull).toList();
            String[] first = pairs.get(0);
            // SQLite does not keep foreign key names: use the name PostgreSQL would generate.
            String name = table + "_" + String.join("_", from) + "_fkey";
            out.computeIfAbsent(table, k -> new ArrayList<>()).add(new ForeignKey(name, from, name(first[0]), to,
                    action(first[3]), action(first[4]), ForeignKey.Match.SIMPLE, Deferrable.NOT_DEFERRABLE));
        }));
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

    private static QualifiedName name(String table) {
        return QualifiedName.of(SCHEMA, table);
    }

    private static String sql(String resource) {
        try (InputStream in = SqliteInspector.class.getResourceAsStream("inspect/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
