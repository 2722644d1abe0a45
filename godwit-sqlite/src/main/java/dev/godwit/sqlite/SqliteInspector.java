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
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Reads a SQLite database's {@code main} schema. One statement reads every object's CREATE text from
 * {@code sqlite_master}; what {@code pragma_table_xinfo}, {@code pragma_index_list}/{@code pragma_index_xinfo} and
 * {@code pragma_foreign_key_list} would report of each table is read from that text by {@link SqliteCreateText},
 * which follows SQLite's own grammar, and asked of the pragmas (three more statements for any number of tables) only
 * for the tables whose text it cannot follow to the end. What the pragmas do not report (checks, generated
 * expressions, collations, constraint names, foreign key deferrability, AUTOINCREMENT, WITHOUT ROWID, STRICT, index
 * expressions) always comes from the CREATE text ({@link SqliteTableSql}).
 *
 * <p>Names: a primary key is named only when declared with CONSTRAINT, else {@code ""}; a UNIQUE constraint takes its
 * CONSTRAINT name, else SQLite's {@code sqlite_autoindex_<table>_<n>}; a foreign key takes its CONSTRAINT name, else
 * {@code <table>_<columns>_fkey}; a check its CONSTRAINT name, else {@code <table>_<n>_check}. A virtual table is kept
 * as its CREATE VIRTUAL TABLE text (attribute {@code virtual}) with no columns, and its shadow tables are left out.
 * Triggers on views ({@code INSTEAD OF}) have no place in the model and are not read.
 */
final class SqliteInspector implements Inspector {

    /** Where the pragmas' rows of each table come from. */
    enum RowSource {
        /** The CREATE text, and the pragmas for a table whose text {@link SqliteCreateText} cannot follow. */
        CREATE_TEXT,
        /** The pragmas for every table: slower, the reference the CREATE text reading is tested against. */
        PRAGMAS
    }

    /** The catalog query for virtual tables' storage, read once. */
    private static final String SHADOW_TABLES = SqlResources.read(SqliteInspector.class, "inspect/shadow_tables.sql");
    private static final String SCHEMA = "main";
    /** From this many tables they are read in parallel; below it, starting the threads costs more than it saves. */
    private static final int PARALLEL_FROM = 64;
    private static final Pattern TYPE = Pattern.compile("\\s*([^(]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");
    private static final Pattern NUMERIC = Pattern.compile("decimal|numeric|number|real|double.*|float");
    private static final Pattern WORD = Pattern.compile("[\\w$]+");

    private final RowSource source;
    /** The size from which a database file's schema is read from the file (SqliteSchemaRows). */
    private final long fileFromBytes;

    SqliteInspector() {
        this(RowSource.CREATE_TEXT);
    }

    SqliteInspector(RowSource source) {
        this(source, SqliteSchemaRows.FILE_FROM_BYTES);
    }

    SqliteInspector(RowSource source, long fileFromBytes) {
        this.source = source;
        this.fileFromBytes = fileFromBytes;
    }

    @Override
    public Catalog inspect(Connection connection, InspectOptions options) throws SQLException {
        // One read transaction, so every statement sees the same schema; a connection already in one of the caller's
        // may hold changes not yet in the file, so its rows are asked of SQLite.
        boolean own = connection.getAutoCommit();
        if (!own) {
            return inspect(connection, options, SqliteSchemaRows.read(connection, false, fileFromBytes));
        }
        connection.setAutoCommit(false);
        try {
            return inspect(connection, options, SqliteSchemaRows.read(connection, true, fileFromBytes));
        } finally {
            try {
                connection.rollback();
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private Catalog inspect(Connection connection, InspectOptions options, List<SqliteSchemaFile.Row> objects)
            throws SQLException {
        Map<String, String> tableSql = new TreeMap<>();
        Map<String, List<Trigger>> triggers = new HashMap<>();
        Map<String, Map<String, String>> indexSql = new HashMap<>(); // table -> index -> CREATE INDEX
        List<String[]> viewRows = new ArrayList<>();
        boolean anyVirtual = false;
        for (SqliteSchemaFile.Row row : objects) {
            String name = row.name();
            switch (row.type()) {
                case "table" -> {
                    if (options.selects(SCHEMA, name)) {
                        tableSql.put(name, row.sql());
                        anyVirtual |= virtual(row.sql());
                    }
                }
                case "view" -> {
                    if (options.selects(SCHEMA, name)) {
                        viewRows.add(new String[] {name, row.sql()});
                    }
                }
                case "trigger" -> triggers.computeIfAbsent(row.tableName(), k -> new ArrayList<>())
                        .add(new Trigger(name, row.sql()));
                case "index" -> indexSql.computeIfAbsent(row.tableName(), k -> new TreeMap<>()).put(name, row.sql());
                default -> { }
            }
        }
        if (anyVirtual) {
            // Shadow tables are the storage of a virtual table: they come back with it.
            try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(SHADOW_TABLES)) {
                while (rs.next()) {
                    tableSql.remove(rs.getString(1));
                }
            }
        }
        List<View> views = views(tableSql.keySet(), viewRows);
        List<Table> tables = tables(connection, tableSql, indexSql, triggers);
        return new Catalog("sqlite", List.of(new Schema(SCHEMA, tables, views, List.of(), List.of(), List.of(),
                List.of(), Optional.empty())), List.of());
    }

    /**
     * The tables, each read from its CREATE TABLE and CREATE INDEX texts; those the text reader cannot follow from the
     * pragmas (three statements for all of them).
     */
    private List<Table> tables(Connection connection, Map<String, String> tableSql,
                               Map<String, Map<String, String>> indexSql, Map<String, List<Trigger>> triggers)
            throws SQLException {
        List<String> names = new ArrayList<>(tableSql.keySet());
        Table[] tables = new Table[names.size()];
        Map<String, DataType> types = new ConcurrentHashMap<>();
        // Each table is read from its own texts alone, so the tables are read on all cores: from the hundreds, most of
        // inspecting a SQLite database is this parsing. A table the CREATE text reader cannot follow stays null.
        IntStream each = IntStream.range(0, names.size());
        (names.size() >= PARALLEL_FROM ? each.parallel() : each).forEach(i -> {
            String t = names.get(i);
            String sql = tableSql.get(t);
            Map<String, String> indexes = indexSql.getOrDefault(t, Map.of());
            if (virtual(sql)) {
                tables[i] = table(t, sql, null, indexes, triggers.getOrDefault(t, List.of()), types);
            } else if (source == RowSource.CREATE_TEXT) {
                SqliteCreateText.read(t, sql, indexes).ifPresent(reading -> tables[i] = table(t, sql, reading,
                        indexes, triggers.getOrDefault(t, List.of()), types));
            }
        });
        List<String> unread = new ArrayList<>();
        for (int i = 0; i < tables.length; i++) {
            if (tables[i] == null) {
                unread.add(names.get(i));
            }
        }
        Map<String, SqliteTableRows> pragmas = SqlitePragmaReader.read(connection, unread);
        for (int i = 0; i < tables.length; i++) {
            if (tables[i] == null) {
                String t = names.get(i);
                String sql = tableSql.get(t);
                tables[i] = table(t, sql, new SqliteCreateText.Reading(pragmas.get(t), SqliteTableSql.parse(sql)),
                        indexSql.getOrDefault(t, Map.of()), triggers.getOrDefault(t, List.of()), types);
            }
        }
        return Arrays.asList(tables);
    }

    /** The views, each with the tables and views its text names. */
    private static List<View> views(Set<String> tableNames, List<String[]> viewRows) {
        List<String> names = new ArrayList<>(tableNames);
        viewRows.forEach(v -> names.add(v[0]));
        Map<String, List<Integer>> byWord = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            byWord.computeIfAbsent(names.get(i).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
        }
        List<View> views = new ArrayList<>();
        for (String[] v : viewRows) {
            views.add(new View(name(v[0]), false, v[1], dependencies(v[1], names, byWord, v[0]), List.of(),
                    Optional.empty()));
        }
        return views;
    }

    /** One table from its reading (null for a virtual table) and its CREATE text. */
    private static Table table(String t, String createTable, SqliteCreateText.Reading reading,
                               Map<String, String> indexSql, List<Trigger> triggers, Map<String, DataType> types) {
        boolean virtual = virtual(createTable);
        SqliteTableRows rows = reading == null ? null : reading.rows();
        SqliteTableSql sql = reading == null ? new SqliteTableSql() : reading.facts();
        List<Column> columns = new ArrayList<>();
        TreeMap<Integer, String> primaryKey = new TreeMap<>();
        Map<String, String> attributes = new TreeMap<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        List<ForeignKey> foreignKeys = List.of();
        if (rows != null) {
            for (SqliteTableRows.ColumnRow c : rows.columns()) {
                if (c.hidden() == 1) {
                    continue; // a virtual table's hidden column: virtual tables are kept as their CREATE text
                }
                Optional<String> generated = c.hidden() == 2 || c.hidden() == 3 ? sql.generatedExpression(c.name())
                        : Optional.empty();
                if (c.hidden() == 3 && generated.isPresent()) {
                    attributes.put("stored." + c.name(), "true");
                }
                columns.add(new Column(c.name(), types.computeIfAbsent(c.type() == null ? "" : c.type(),
                        SqliteInspector::type), !c.notNull(), Optional.ofNullable(c.defaultValue()), Optional.empty(),
                        generated, Optional.ofNullable(sql.collations.get(c.name())), Optional.empty()));
                if (c.pk() > 0) {
                    primaryKey.put(c.pk(), c.name());
                }
            }
            indexes(rows, sql, indexSql, uniques, indexes);
            foreignKeys = foreignKeys(t, rows, sql);
        }
        List<String> pk = new ArrayList<>(primaryKey.values());
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < sql.checks.size(); i++) {
            checks.add(new Check(sql.checkName(t, i), sql.checks.get(i)));
        }
        if (virtual) {
            // A virtual table is its module's: kept as its CREATE VIRTUAL TABLE text, with no columns.
            attributes.put("virtual", createTable);
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
        return new Table(name(t), columns, pk.isEmpty() ? Optional.empty()
                : Optional.of(new PrimaryKey(sql.primaryKeyName, pk)), uniques, indexes, foreignKeys, checks,
                triggers, Optional.empty(), Optional.empty(), false, Optional.empty(), attributes);
    }

    /** UNIQUE constraints and CREATE INDEX indexes, in index name order; the primary key's index is left out. */
    private static void indexes(SqliteTableRows rows, SqliteTableSql parsed, Map<String, String> indexSql,
                                List<UniqueConstraint> uniques, List<Index> indexes) {
        List<SqliteTableRows.IndexRow> byName = new ArrayList<>(rows.indexes());
        byName.sort(Comparator.comparing(SqliteTableRows.IndexRow::name));
        for (SqliteTableRows.IndexRow row : byName) {
            if (row.origin().equals("pk")) {
                continue;
            }
            List<Index.Key> parts = new ArrayList<>();
            for (SqliteTableRows.KeyRow key : row.keys()) {
                parts.add(new Index.Key(Optional.ofNullable(key.column()), key.column() == null
                        ? Optional.of("(expression)") : Optional.empty(), key.descending(), false));
            }
            if (row.origin().equals("u")) {
                List<String> columns = parts.stream().map(p -> p.column().orElse("")).toList();
                String name = parsed.uniqueNames.getOrDefault(columns.stream()
                        .map(c -> c.toLowerCase(Locale.ROOT)).toList(), row.name());
                uniques.add(new UniqueConstraint(name, columns, Deferrable.NOT_DEFERRABLE));
            } else {
                String definition = indexSql.getOrDefault(row.name(), "");
                SqliteCreateIndexText.Written written = SqliteCreateIndexText.written(definition);
                parts = withExpressions(parts, written.keys());
                indexes.add(new Index(row.name(), row.unique(), "btree", parts, List.of(), written.where(),
                        definition));
            }
        }
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

    /** The foreign keys by id, each matched to its clause in the CREATE text for its name and deferrability. */
    private static List<ForeignKey> foreignKeys(String table, SqliteTableRows rows, SqliteTableSql parsed) {
        Map<Integer, List<SqliteTableRows.ForeignKeyRow>> keys = new TreeMap<>();
        for (SqliteTableRows.ForeignKeyRow row : rows.foreignKeys()) {
            keys.computeIfAbsent(row.id(), k -> new ArrayList<>()).add(row);
        }
        List<ForeignKey> out = new ArrayList<>();
        List<SqliteTableSql.ForeignKeyClause> clauses = new ArrayList<>(parsed.foreignKeys);
        keys.values().forEach(pairs -> {
            pairs.sort(Comparator.comparingInt(SqliteTableRows.ForeignKeyRow::seq));
            List<String> from = pairs.stream().map(SqliteTableRows.ForeignKeyRow::from).toList();
            List<String> to = pairs.stream().map(SqliteTableRows.ForeignKeyRow::to).filter(Objects::nonNull).toList();
            SqliteTableRows.ForeignKeyRow first = pairs.get(0);
            List<String> fromLower = from.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
            Optional<SqliteTableSql.ForeignKeyClause> clause = clauses.stream()
                    .filter(c -> c.table().equalsIgnoreCase(first.table()) && c.columns().equals(fromLower))
                    .findFirst();
            clause.ifPresent(clauses::remove);
            // SQLite keeps a foreign key's name only in the CREATE text; without one, use the name PostgreSQL
            // would generate. SQLite parses MATCH but enforces every key as MATCH SIMPLE.
            String name = clause.flatMap(SqliteTableSql.ForeignKeyClause::name)
                    .orElse(table + "_" + String.join("_", from) + "_fkey");
            out.add(new ForeignKey(name, from, name(first.table()), to, action(first.onUpdate()),
                    action(first.onDelete()), ForeignKey.Match.SIMPLE, clause
                    .map(SqliteTableSql.ForeignKeyClause::deferrable).orElse(Deferrable.NOT_DEFERRABLE)));
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
        boolean numeric = NUMERIC.matcher(name).matches();
        return new DataType(name, numeric ? Optional.empty() : first, numeric ? first : Optional.empty(),
                numeric ? second : Optional.empty(), 0, raw);
    }

    /**
     * The tables and views a view's text names, as whole words (quoted or not), found in one pass over it, in the
     * order of {@code names}.
     *
     * @param byWord the positions in {@code names} of each name, lower case
     */
    private static List<QualifiedName> dependencies(String viewSql, List<String> names,
                                                    Map<String, List<Integer>> byWord, String self) {
        Set<Integer> found = new TreeSet<>();
        Matcher word = WORD.matcher(viewSql.toLowerCase(Locale.ROOT));
        while (word.find()) {
            found.addAll(byWord.getOrDefault(word.group(), List.of()));
        }
        List<QualifiedName> out = new ArrayList<>();
        for (int i : found) {
            if (!names.get(i).equals(self)) {
                out.add(name(names.get(i)));
            }
        }
        return out;
    }

    private static boolean virtual(String createTable) {
        return createTable.regionMatches(true, 0, "CREATE VIRTUAL TABLE", 0, "CREATE VIRTUAL TABLE".length());
    }

    private static QualifiedName name(String table) {
        return QualifiedName.of(SCHEMA, table);
    }
}
