package dev.godwit.postgres;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.Deferrable;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.PrimaryKey;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Table;
import dev.godwit.model.Trigger;
import dev.godwit.model.UniqueConstraint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the tables of a set of schemas with a fixed number of queries (tables, columns, policies, triggers,
 * constraints, indexes), whatever the number of tables, and puts each table together from its rows. The columns read
 * name the attnum arrays of the constraints, of every table the schemas hold, selected or not.
 */
final class PostgresTableReader {

    private static final CatalogQuery TABLES = CatalogQuery.of("tables.sql");
    private static final CatalogQuery COLUMNS = CatalogQuery.of("columns.sql");
    static final CatalogQuery CONSTRAINTS = CatalogQuery.of("constraints.sql");
    private static final CatalogQuery TRIGGERS = CatalogQuery.of("triggers.sql");
    private static final CatalogQuery POLICIES = CatalogQuery.of("policies.sql");
    /** Table attribute key prefix for an exclusion constraint, which the model has no field for. */
    static final String EXCLUSION_PREFIX = "exclusion_constraint.";
    /** Table attribute: the parents of a table that INHERITS, as {@code regclass} prints them, comma-separated. */
    static final String INHERITS = "inherits";
    /** Table attribute: row-level security, {@code enabled}, {@code enabled, forced} or {@code disabled, forced}. */
    static final String ROW_SECURITY = "row_security";
    /**
     * Table attributes: the comment on the index behind a constraint (which the model has no index record for),
     * keyed by this prefix and the index name.
     */
    static final String INDEX_COMMENT_PREFIX = "index_comment.";
    /** Table attributes: each policy's CREATE POLICY statement, keyed by this prefix and the policy name. */
    static final String POLICY_PREFIX = "policy.";

    private final Map<QualifiedName, Parts> tables = new LinkedHashMap<>();
    /** The same parts by table oid, for columns.sql's rows. */
    private final Map<Long, Parts> byOid = new HashMap<>();
    /** Column names by table oid, each table's indexed by attnum. */
    private final Map<Long, String[]> columnNames = new HashMap<>();
    /** Indexes of relations that are not tables (materialized views), for the view reader. */
    private final Map<QualifiedName, List<Index>> otherIndexes = new HashMap<>();
    /** Triggers of views (INSTEAD OF), for the view reader. */
    private final Map<QualifiedName, List<Trigger>> viewTriggers = new HashMap<>();
    /** Checks constraints.sql returned as expression trees, printed once all constraints are read. */
    private final PostgresCheckReader checks = new PostgresCheckReader();

    /** A table's pieces as its rows arrive. */
    private static final class Parts {
        final QualifiedName name;
        final boolean unlogged;
        final Optional<String> partitionBy;
        final Optional<Table.PartitionOf> partitionOf;
        final Optional<String> comment;
        /** Columns by attnum (0 unused): columns.sql returns them in no particular order. */
        Column[] columns = new Column[16];
        Optional<PrimaryKey> primaryKey = Optional.empty();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<Check> checks = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        final Map<String, String> attributes = new TreeMap<>();

        Parts(QualifiedName name, boolean unlogged, Optional<String> partitionBy,
              Optional<Table.PartitionOf> partitionOf, Optional<String> comment) {
            this.name = name;
            this.unlogged = unlogged;
            this.partitionBy = partitionBy;
            this.partitionOf = partitionOf;
            this.comment = comment;
        }

        Table build() {
            List<Column> inOrder = new ArrayList<>();
            for (Column column : columns) {
                if (column != null) {
                    inOrder.add(column);
                }
            }
            return new Table(name, inOrder, primaryKey, uniques, indexes, foreignKeys, checks, triggers, partitionBy,
                    partitionOf, unlogged, comment, attributes);
        }
    }

    /**
     * Reads every selected table with its columns, policies and triggers; {@link #readKeys} adds the constraints and
     * indexes. Two steps, so that the inspector can read other kinds between them while a second connection still
     * fetches the keys.
     */
    void readTables(CatalogReads reads, InspectOptions options) throws SQLException {
        reads.run(TABLES, rs -> readTable(rs, options));
        reads.run(COLUMNS, this::readColumn);
        reads.run(POLICIES, rs -> {
            Parts parts = tables.get(name(rs, "schema_name", "table_name"));
            if (parts == null) {
                return;
            }
            String security = (rs.getBoolean("row_security") ? "enabled" : "disabled")
                    + (rs.getBoolean("force_row_security") ? ", forced" : "");
            if (!security.equals("disabled")) {
                parts.attributes.put(ROW_SECURITY, security);
            }
            String policy = rs.getString("policy_name");
            if (policy != null) {
                parts.attributes.put(POLICY_PREFIX + policy, rs.getString("definition"));
            }
        });
        reads.run(TRIGGERS, rs -> {
            QualifiedName relation = name(rs, "schema_name", "table_name");
            Trigger trigger = new Trigger(rs.getString("trigger_name"), rs.getString("definition"));
            Parts parts = tables.get(relation);
            if (parts != null) {
                parts.triggers.add(trigger);
            } else if ("v".equals(rs.getString("relation_kind"))) {
                viewTriggers.computeIfAbsent(relation, v -> new ArrayList<>()).add(trigger);
            }
        });
    }

    /** Adds the constraints and indexes of the tables {@link #readTables} read. */
    void readKeys(CatalogReads reads) throws SQLException {
        reads.run(CONSTRAINTS, this::readConstraint);
        checks.resolve(reads, (table, attnum) -> columnName(table, attnum));
        PostgresIndexReader.read(reads, this::addIndex);
    }

    /** The tables read, grouped by schema. */
    Map<String, List<Table>> tablesBySchema() {
        Map<String, List<Table>> bySchema = new HashMap<>();
        tables.values().forEach(p -> bySchema.computeIfAbsent(p.name.schema(), s -> new ArrayList<>()).add(p.build()));
        return bySchema;
    }

    /** Triggers on a view of this name. */
    List<Trigger> triggersOf(QualifiedName view) {
        return viewTriggers.getOrDefault(view, List.of());
    }

    /** Indexes on a materialized view (or other non-table relation) of this name. */
    List<Index> indexesOf(QualifiedName relation) {
        return otherIndexes.getOrDefault(relation, List.of());
    }

    private void readTable(ResultSet rs, InspectOptions options) throws SQLException {
        QualifiedName table = name(rs, "schema_name", "table_name");
        if (!options.selects(table.schema(), table.name())) {
            return;
        }
        String parent = rs.getString("parent_name");
        Optional<Table.PartitionOf> partitionOf = parent == null ? Optional.empty()
                : Optional.of(new Table.PartitionOf(QualifiedName.of(rs.getString("parent_schema"), parent),
                rs.getString("partition_bound")));
        Parts parts = new Parts(table, rs.getBoolean("unlogged"), Optional.ofNullable(rs.getString("partition_by")),
                partitionOf, Optional.ofNullable(rs.getString("table_comment")));
        String inherits = rs.getString("inherits");
        if (inherits != null) {
            parts.attributes.put(INHERITS, inherits);
        }
        tables.put(table, parts);
        byOid.put(rs.getLong("table_oid"), parts);
    }

    /** A column: named for the constraints of any table, kept in the model for a selected table. */
    private void readColumn(ResultSet rs) throws SQLException {
        long table = rs.getLong("table_oid");
        int attnum = rs.getInt("attnum");
        String name = rs.getString("column_name");
        String[] names = columnNames.get(table);
        String[] fitted = fit(names == null ? new String[16] : names, attnum);
        if (fitted != names) {
            columnNames.put(table, fitted);
        }
        fitted[attnum] = name;
        Parts parts = byOid.get(table);
        if (parts != null) {
            parts.columns = fit(parts.columns, attnum);
            parts.columns[attnum] = column(name, rs);
        }
    }

    private static Column column(String name, ResultSet rs) throws SQLException {
        String identity = rs.getString("identity");
        Optional<Column.Identity> id = Optional.empty();
        if (identity != null && !identity.isEmpty()) {
            Optional<String> sequence = rs.getString("identity_type") == null ? Optional.empty()
                    : PostgresTypes.identityOptions(rs.getString("identity_type"), rs.getLong("seqstart"),
                    rs.getLong("seqincrement"), rs.getLong("seqmin"), rs.getLong("seqmax"), rs.getLong("seqcache"),
                    rs.getBoolean("seqcycle"));
            id = Optional.of(new Column.Identity(identity.equals("a"), sequence));
        }
        return new Column(name,
                PostgresTypes.dataType(rs.getString("type_name"), rs.getInt("type_oid"), rs.getInt("type_modifier"),
                        rs.getInt("dimensions"), rs.getString("type_raw")),
                !rs.getBoolean("not_null"), Optional.ofNullable(rs.getString("default_expression")), id,
                Optional.ofNullable(rs.getString("generated")), Optional.ofNullable(rs.getString("collation")),
                Optional.ofNullable(rs.getString("column_comment")));
    }

    private void readConstraint(ResultSet rs) throws SQLException {
        Parts parts = tables.get(name(rs, "schema_name", "table_name"));
        if (parts == null) {
            return;
        }
        String name = rs.getString("constraint_name");
        String indexComment = rs.getString("index_comment");
        if (indexComment != null) {
            parts.attributes.put(INDEX_COMMENT_PREFIX + name, indexComment);
        }
        Deferrable deferrable = !rs.getBoolean("deferrable") ? Deferrable.NOT_DEFERRABLE
                : rs.getBoolean("deferred") ? Deferrable.DEFERRABLE_INITIALLY_DEFERRED
                : Deferrable.DEFERRABLE_INITIALLY_IMMEDIATE;
        switch (rs.getString("kind")) {
            case "p" -> parts.primaryKey = Optional.of(new PrimaryKey(name, columns(rs), deferrable));
            case "u" -> parts.uniques.add(new UniqueConstraint(name, columns(rs), deferrable));
            case "f" -> parts.foreignKeys.add(new ForeignKey(name, columns(rs),
                    name(rs, "referenced_schema", "referenced_table"), referencedColumns(rs),
                    action(rs.getString("on_update")), action(rs.getString("on_delete")),
                    match(rs.getString("match_type")), deferrable));
            case "c" -> addCheck(rs, parts, name);
            // EXCLUDE has no model field yet: kept verbatim rather than dropped.
            case "x" -> parts.attributes.put(EXCLUSION_PREFIX + name, rs.getString("definition"));
            default -> throw new IllegalStateException("constraints.sql returned an unexpected kind");
        }
    }

    private void addCheck(ResultSet rs, Parts parts, String name) throws SQLException {
        checks.add(rs.getLong("constraint_oid"), rs.getLong("table_oid"), name, rs.getString("check_tree"),
                rs.getBoolean("no_inherit"), rs.getBoolean("validated"), parts.checks::add);
    }

    private void addIndex(QualifiedName relation, Index index) {
        Parts parts = tables.get(relation);
        if (parts != null) {
            parts.indexes.add(index);
        } else {
            otherIndexes.computeIfAbsent(relation, r -> new ArrayList<>()).add(index);
        }
    }

    /** A primary, unique or foreign key's own columns (checks and exclusions are kept as their text). */
    private List<String> columns(ResultSet rs) throws SQLException {
        return columnNames(rs.getLong("table_oid"), CatalogQuery.ints(rs, "column_numbers"));
    }

    /** A foreign key's referenced columns: named by constraints.sql when columns.sql did not read that table. */
    private List<String> referencedColumns(ResultSet rs) throws SQLException {
        List<String> named = CatalogQuery.strings(rs, "referenced_columns");
        return !named.isEmpty() ? named
                : columnNames(rs.getLong("referenced_oid"), CatalogQuery.ints(rs, "referenced_numbers"));
    }

    /** {@code array}, or a longer copy of it when it has no room at {@code index} (an attnum, at most 1,600). */
    private static <T> T[] fit(T[] array, int index) {
        return index < array.length ? array : Arrays.copyOf(array, Math.max(index + 1, array.length * 2));
    }

    /** The name of a column columns.sql returned, or null. */
    private String columnName(long table, int attnum) {
        String[] names = columnNames.get(table);
        return names == null || attnum < 0 || attnum >= names.length ? null : names[attnum];
    }

    private List<String> columnNames(long table, List<Integer> attnums) {
        List<String> result = new ArrayList<>(attnums.size());
        for (Integer attnum : attnums) {
            String column = columnName(table, attnum);
            if (column == null) {
                throw new IllegalStateException("constraints.sql refers to column " + attnum + " of relation "
                        + table + ", which columns.sql did not return");
            }
            result.add(column);
        }
        return result;
    }

    static QualifiedName name(ResultSet rs, String schemaColumn, String nameColumn) throws SQLException {
        return QualifiedName.of(rs.getString(schemaColumn), rs.getString(nameColumn));
    }

    /** pg_constraint.confupdtype / confdeltype. */
    private static ForeignKey.Action action(String code) {
        return switch (code) {
            case "r" -> ForeignKey.Action.RESTRICT;
            case "c" -> ForeignKey.Action.CASCADE;
            case "n" -> ForeignKey.Action.SET_NULL;
            case "d" -> ForeignKey.Action.SET_DEFAULT;
            default -> ForeignKey.Action.NO_ACTION;
        };
    }

    /** pg_constraint.confmatchtype. */
    private static ForeignKey.Match match(String code) {
        return switch (code) {
            case "f" -> ForeignKey.Match.FULL;
            case "p" -> ForeignKey.Match.PARTIAL;
            default -> ForeignKey.Match.SIMPLE;
        };
    }
}
