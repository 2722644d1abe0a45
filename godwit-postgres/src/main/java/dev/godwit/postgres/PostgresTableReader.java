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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the tables of a set of schemas with four queries (columns, constraints, indexes, triggers), whatever the
 * number of tables, and puts each table together from its rows.
 */
final class PostgresTableReader {

    private static final CatalogQuery TABLES = CatalogQuery.of("tables.sql");
    private static final CatalogQuery CONSTRAINTS = CatalogQuery.of("constraints.sql");
    private static final CatalogQuery INDEXES = CatalogQuery.of("indexes.sql");
    private static final CatalogQuery TRIGGERS = CatalogQuery.of("triggers.sql");
    /** Table attribute key prefix for an exclusion constraint, which the model has no field for. */
    static final String EXCLUSION_PREFIX = "exclusion_constraint.";

    private final Map<QualifiedName, Parts> tables = new LinkedHashMap<>();
    /** Indexes of relations that are not tables (materialized views), for the view reader. */
    private final Map<QualifiedName, List<Index>> otherIndexes = new HashMap<>();

    /** A table's pieces as its rows arrive. */
    private static final class Parts {
        final QualifiedName name;
        final boolean unlogged;
        final Optional<String> partitionBy;
        final Optional<Table.PartitionOf> partitionOf;
        final Optional<String> comment;
        final List<Column> columns = new ArrayList<>();
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
            return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, triggers, partitionBy,
                    partitionOf, unlogged, comment, attributes);
        }
    }

    /** Reads every selected table of {@code schemas}. */
    void read(Connection connection, List<String> schemas, InspectOptions options) throws SQLException {
        TABLES.run(connection, schemas, rs -> readColumn(rs, options));
        CONSTRAINTS.run(connection, schemas, this::readConstraint);
        INDEXES.run(connection, schemas, this::readIndex);
        TRIGGERS.run(connection, schemas, rs -> {
            Parts parts = tables.get(name(rs, "schema_name", "table_name"));
            if (parts != null) {
                parts.triggers.add(new Trigger(rs.getString("trigger_name"), rs.getString("definition")));
            }
        });
    }

    /** The tables read, grouped by schema. */
    Map<String, List<Table>> tablesBySchema() {
        Map<String, List<Table>> bySchema = new HashMap<>();
        tables.values().forEach(p -> bySchema.computeIfAbsent(p.name.schema(), s -> new ArrayList<>()).add(p.build()));
        return bySchema;
    }

    /** Indexes on a materialized view (or other non-table relation) of this name. */
    List<Index> indexesOf(QualifiedName relation) {
        return otherIndexes.getOrDefault(relation, List.of());
    }

    private void readColumn(ResultSet rs, InspectOptions options) throws SQLException {
        QualifiedName table = name(rs, "schema_name", "table_name");
        if (!options.selects(table.schema(), table.name())) {
            return;
        }
        Parts parts = tables.get(table);
        if (parts == null) {
            String parent = rs.getString("parent_name");
            Optional<Table.PartitionOf> partitionOf = parent == null ? Optional.empty()
                    : Optional.of(new Table.PartitionOf(QualifiedName.of(rs.getString("parent_schema"), parent),
                    rs.getString("partition_bound")));
            parts = new Parts(table, rs.getBoolean("unlogged"), Optional.ofNullable(rs.getString("partition_by")),
                    partitionOf, Optional.ofNullable(rs.getString("table_comment")));
            tables.put(table, parts);
        }
        if (rs.getObject("attnum") != null) {
            parts.columns.add(column(rs));
        }
    }

    private static Column column(ResultSet rs) throws SQLException {
        String identity = rs.getString("identity");
        Optional<Column.Identity> id = Optional.empty();
        if (identity != null && !identity.isEmpty()) {
            Optional<String> sequence = rs.getString("identity_type") == null ? Optional.empty()
                    : PostgresTypes.identityOptions(rs.getString("identity_type"), rs.getLong("seqstart"),
                    rs.getLong("seqincrement"), rs.getLong("seqmin"), rs.getLong("seqmax"), rs.getLong("seqcache"),
                    rs.getBoolean("seqcycle"));
            id = Optional.of(new Column.Identity(identity.equals("a"), sequence));
        }
        return new Column(rs.getString("column_name"),
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
        List<String> columns = CatalogQuery.strings(rs, "columns");
        Deferrable deferrable = !rs.getBoolean("deferrable") ? Deferrable.NOT_DEFERRABLE
                : rs.getBoolean("deferred") ? Deferrable.DEFERRABLE_INITIALLY_DEFERRED
                : Deferrable.DEFERRABLE_INITIALLY_IMMEDIATE;
        switch (rs.getString("kind")) {
            case "p" -> parts.primaryKey = Optional.of(new PrimaryKey(name, columns));
            case "u" -> parts.uniques.add(new UniqueConstraint(name, columns, deferrable));
            case "f" -> parts.foreignKeys.add(new ForeignKey(name, columns,
                    name(rs, "referenced_schema", "referenced_table"), CatalogQuery.strings(rs, "referenced_columns"),
                    action(rs.getString("on_update")), action(rs.getString("on_delete")),
                    match(rs.getString("match_type")), deferrable));
            case "c" -> parts.checks.add(new Check(name, rs.getString("definition")));
            // EXCLUDE has no model field yet: kept verbatim rather than dropped.
            case "x" -> parts.attributes.put(EXCLUSION_PREFIX + name, rs.getString("definition"));
            default -> throw new IllegalStateException("constraints.sql returned an unexpected kind");
        }
    }

    private void readIndex(ResultSet rs) throws SQLException {
        QualifiedName relation = name(rs, "schema_name", "table_name");
        List<String> columns = CatalogQuery.strings(rs, "key_columns");
        List<String> expressions = CatalogQuery.strings(rs, "key_expressions");
        List<Integer> flags = CatalogQuery.ints(rs, "key_options");
        List<Index.Key> keys = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            // pg_index.indoption: INDOPTION_DESC = 1, INDOPTION_NULLS_FIRST = 2.
            int flag = flags.get(i);
            keys.add(new Index.Key(Optional.ofNullable(columns.get(i)), Optional.ofNullable(expressions.get(i)),
                    (flag & 1) != 0, (flag & 2) != 0));
        }
        Index index = new Index(rs.getString("index_name"), rs.getBoolean("is_unique"), rs.getString("method"), keys,
                CatalogQuery.strings(rs, "include_columns"), Optional.ofNullable(rs.getString("predicate")),
                rs.getString("definition"));
        Parts parts = tables.get(relation);
        if (parts != null) {
            parts.indexes.add(index);
        } else {
            otherIndexes.computeIfAbsent(relation, r -> new ArrayList<>()).add(index);
        }
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
