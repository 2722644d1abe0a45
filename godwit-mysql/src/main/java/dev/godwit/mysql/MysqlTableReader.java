package dev.godwit.mysql;

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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads the tables of a set of databases, each kind of part with one query for all of them: tables, columns,
 * indexes (which also give primary keys and unique constraints, see {@link MysqlIndexReader}), foreign keys,
 * checks and triggers.
 *
 * <p>Model choices, the same for MySQL and MariaDB:
 * <ul>
 *   <li>{@code AUTO_INCREMENT} is an identity {@code BY DEFAULT} (an explicit value may still be inserted) without
 *       sequence options; the table's next value is data, not schema, and is not read.</li>
 *   <li>Facts the model has no field for are table attributes: {@code engine}, {@code collation} (the table's
 *       default; it implies the character set), {@code row_format}, and per column
 *       {@code column.<name>.on_update} ({@code ON UPDATE CURRENT_TIMESTAMP}), {@code column.<name>.storage}
 *       ({@code VIRTUAL} for a generated column that is not stored) and {@code column.<name>.invisible}.</li>
 *   <li>A column's collation is kept only when it is not the table's default.</li>
 * </ul>
 */
final class MysqlTableReader {

    private static final CatalogQuery TABLES = CatalogQuery.of("tables.sql");
    private static final CatalogQuery COLUMNS = CatalogQuery.of("columns.sql");
    private static final CatalogQuery FOREIGN_KEYS = CatalogQuery.of("foreign_keys.sql");
    private static final CatalogQuery TRIGGERS = CatalogQuery.of("triggers.sql");
    private static final Map<MysqlFlavor, CatalogQuery> CHECKS = Map.of(
            MysqlFlavor.MARIADB, CatalogQuery.of(MysqlFlavor.MARIADB.resource("checks")),
            MysqlFlavor.MYSQL, CatalogQuery.of(MysqlFlavor.MYSQL.resource("checks")));

    private final MysqlFlavor flavor;
    private final Map<QualifiedName, Parts> tables = new LinkedHashMap<>();

    MysqlTableReader(MysqlFlavor flavor) {
        this.flavor = flavor;
    }

    /** One table's parts while they are being read. */
    static final class Parts {
        final QualifiedName name;
        final String collation;
        final Optional<String> comment;
        final List<Column> columns = new ArrayList<>();
        Optional<PrimaryKey> primaryKey = Optional.empty();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final Map<String, ForeignKeyParts> foreignKeys = new LinkedHashMap<>();
        final List<Check> checks = new ArrayList<>();
        final List<Trigger> triggers = new ArrayList<>();
        final Map<String, String> attributes = new TreeMap<>();

        Parts(QualifiedName name, String collation, Optional<String> comment) {
            this.name = name;
            this.collation = collation;
            this.comment = comment;
        }

        Table build() {
            List<ForeignKey> fks = foreignKeys.values().stream().map(ForeignKeyParts::build).toList();
            return new Table(name, columns, primaryKey, uniques, indexes, fks, checks, triggers, Optional.empty(),
                    Optional.empty(), false, comment, attributes);
        }
    }

    /** A foreign key whose column pairs arrive one row at a time. */
    record ForeignKeyParts(String name, List<String> columns, QualifiedName referenced, List<String> referencedColumns,
                           ForeignKey.Action onUpdate, ForeignKey.Action onDelete) {
        ForeignKey build() {
            return new ForeignKey(name, columns, referenced, referencedColumns, onUpdate, onDelete,
                    ForeignKey.Match.SIMPLE, Deferrable.NOT_DEFERRABLE);
        }
    }

    /** Reads every selected table of {@code schemas}. */
    void read(Connection connection, List<String> schemas, InspectOptions options) throws SQLException {
        TABLES.run(connection, schemas, rs -> readTable(rs, options));
        if (tables.isEmpty()) {
            return;
        }
        COLUMNS.run(connection, schemas, this::readColumn);
        new MysqlIndexReader(flavor).read(connection, schemas, tables);
        FOREIGN_KEYS.run(connection, schemas, this::readForeignKey);
        CHECKS.get(flavor).run(connection, schemas, rs -> {
            Parts parts = tables.get(name(rs, "table_name"));
            if (parts != null) {
                parts.checks.add(new Check(rs.getString("constraint_name"), rs.getString("check_clause")));
            }
        });
        TRIGGERS.run(connection, schemas, rs -> {
            Parts parts = tables.get(name(rs, "table_name"));
            if (parts != null) {
                parts.triggers.add(new Trigger(rs.getString("trigger_name"), "CREATE TRIGGER "
                        + MysqlNames.quote(rs.getString("trigger_name")) + " " + rs.getString("timing") + " "
                        + rs.getString("event") + " ON " + MysqlNames.quote(parts.name.name()) + " FOR EACH ROW "
                        + rs.getString("body")));
            }
        });
    }

    /** The tables read, grouped by database. */
    Map<String, List<Table>> tablesBySchema() {
        Map<String, List<Table>> bySchema = new HashMap<>();
        tables.values().forEach(p -> bySchema.computeIfAbsent(p.name.schema(), s -> new ArrayList<>()).add(p.build()));
        return bySchema;
    }

    /** The names of the tables read, for the views' dependencies. */
    List<QualifiedName> names() {
        return List.copyOf(tables.keySet());
    }

    private void readTable(ResultSet rs, InspectOptions options) throws SQLException {
        QualifiedName name = name(rs, "table_name");
        if (!options.selects(name.schema(), name.name())) {
            return;
        }
        String comment = rs.getString("table_comment");
        Parts parts = new Parts(name, rs.getString("collation_name"),
                comment == null || comment.isEmpty() ? Optional.empty() : Optional.of(comment));
        putIfPresent(parts.attributes, "engine", rs.getString("engine"));
        putIfPresent(parts.attributes, "collation", rs.getString("collation_name"));
        String createOptions = rs.getString("create_options");
        if (createOptions != null) {
            for (String option : createOptions.split("\\s+")) {
                if (option.toLowerCase(Locale.ROOT).startsWith("row_format=")) {
                    parts.attributes.put("row_format", option.substring("row_format=".length()).toUpperCase(
                            Locale.ROOT));
                }
            }
        }
        tables.put(name, parts);
    }

    private void readColumn(ResultSet rs) throws SQLException {
        Parts parts = tables.get(name(rs, "table_name"));
        if (parts == null) {
            return;
        }
        String column = rs.getString("column_name");
        String extra = rs.getString("extra") == null ? "" : rs.getString("extra");
        String lowerExtra = extra.toLowerCase(Locale.ROOT);
        String dataType = rs.getString("data_type");
        boolean generated = lowerExtra.contains("generated") && !lowerExtra.contains("default_generated");
        String collation = rs.getString("collation_name");
        String comment = rs.getString("column_comment");
        parts.columns.add(new Column(column,
                MysqlTypes.dataType(dataType, longOrNull(rs, "max_length"), longOrNull(rs, "numeric_precision"),
                        longOrNull(rs, "numeric_scale"), longOrNull(rs, "datetime_precision"),
                        rs.getString("column_type")),
                rs.getBoolean("nullable"),
                generated ? Optional.empty()
                        : MysqlTypes.defaultExpression(flavor, rs.getString("column_default"), extra, dataType),
                lowerExtra.contains("auto_increment") ? Optional.of(new Column.Identity(false, Optional.empty()))
                        : Optional.empty(),
                generated ? Optional.ofNullable(rs.getString("generation_expression")) : Optional.empty(),
                collation == null || collation.equals(parts.collation) ? Optional.empty() : Optional.of(collation),
                comment == null || comment.isEmpty() ? Optional.empty() : Optional.of(comment)));
        int onUpdate = lowerExtra.indexOf("on update ");
        if (onUpdate >= 0) {
            String expression = extra.substring(onUpdate + "on update ".length()).split("\\s+")[0];
            parts.attributes.put("column." + column + ".on_update", expression);
        }
        if (generated && lowerExtra.contains("virtual")) {
            parts.attributes.put("column." + column + ".storage", "VIRTUAL");
        }
        if (lowerExtra.contains("invisible")) {
            parts.attributes.put("column." + column + ".invisible", "true");
        }
    }

    private void readForeignKey(ResultSet rs) throws SQLException {
        Parts parts = tables.get(name(rs, "table_name"));
        if (parts == null) {
            return;
        }
        String name = rs.getString("constraint_name");
        ForeignKeyParts fk = parts.foreignKeys.get(name);
        if (fk == null) {
            fk = new ForeignKeyParts(name, new ArrayList<>(), QualifiedName.of(rs.getString("referenced_schema"),
                    rs.getString("referenced_table")), new ArrayList<>(), action(rs.getString("update_rule")),
                    action(rs.getString("delete_rule")));
            parts.foreignKeys.put(name, fk);
        }
        fk.columns().add(rs.getString("column_name"));
        fk.referencedColumns().add(rs.getString("referenced_column"));
    }

    /** REFERENTIAL_CONSTRAINTS.UPDATE_RULE / DELETE_RULE. */
    private static ForeignKey.Action action(String rule) {
        return switch (rule) {
            case "RESTRICT" -> ForeignKey.Action.RESTRICT;
            case "CASCADE" -> ForeignKey.Action.CASCADE;
            case "SET NULL" -> ForeignKey.Action.SET_NULL;
            case "SET DEFAULT" -> ForeignKey.Action.SET_DEFAULT;
            default -> ForeignKey.Action.NO_ACTION;
        };
    }

    static QualifiedName name(ResultSet rs, String nameColumn) throws SQLException {
        return QualifiedName.of(rs.getString("schema_name"), rs.getString(nameColumn));
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static void putIfPresent(Map<String, String> map, String key, String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }
}
