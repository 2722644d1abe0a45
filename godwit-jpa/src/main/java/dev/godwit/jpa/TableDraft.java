package dev.godwit.jpa;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.Deferrable;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.PrimaryKey;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Table;
import dev.godwit.model.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table while entities are read: columns arrive from fields, embeddables and the other side of relationships.
 * Constraint names default to the ones PostgreSQL generates ({@code book_pkey}, {@code book_isbn_key},
 * {@code book_author_id_fkey}, {@code book_status_check}), which Godwit treats as generated when it compares.
 */
final class TableDraft {

    private final QualifiedName name;
    private final String origin;
    private final boolean postgres;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final List<String> primaryKey = new ArrayList<>();
    private final Map<String, UniqueConstraint> uniques = new LinkedHashMap<>();
    private final Map<String, Index> indexes = new LinkedHashMap<>();
    private final Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();
    private final Map<String, Check> checks = new LinkedHashMap<>();

    TableDraft(QualifiedName name, String origin, String dialect) {
        this.name = name;
        this.origin = origin;
        this.postgres = dialect.equals("postgres");
    }

    QualifiedName name() {
        return name;
    }

    void column(Column column) {
        if (columns.putIfAbsent(column.name(), column) != null) {
            throw new GodwitException(ErrorCode.CONFIG, "The column " + column.name() + " of the table " + name
                    + " is mapped twice (" + origin + "). Rename one with @Column(name = ...), @JoinColumn or "
                    + "@AttributeOverride.");
        }
    }

    void primaryKey(List<String> columnNames) {
        primaryKey.addAll(columnNames);
    }

    void unique(String constraintName, List<String> columnNames) {
        String n = constraintName.isEmpty() ? generated(columnNames, "key") : constraintName;
        if (uniques.values().stream().noneMatch(u -> u.columns().equals(columnNames))) {
            uniques.put(n, new UniqueConstraint(n, columnNames, Deferrable.NOT_DEFERRABLE));
        }
    }

    void foreignKey(String constraintName, List<String> columnNames, QualifiedName target, List<String> targetColumns) {
        String n = constraintName.isEmpty() ? generated(columnNames, "fkey") : constraintName;
        foreignKeys.put(n, new ForeignKey(n, columnNames, target, targetColumns, ForeignKey.Action.NO_ACTION,
                ForeignKey.Action.NO_ACTION, ForeignKey.Match.SIMPLE, Deferrable.NOT_DEFERRABLE));
    }

    void check(String column, String expression) {
        String n = generated(List.of(column), "check");
        checks.put(n, new Check(n, expression));
    }

    /**
     * An index on plain columns, with its definition as the database prints it back ({@code pg_get_indexdef}, the
     * SQL SQLite keeps), so it compares equal to a reflected one.
     */
    void index(String indexName, boolean unique, List<Index.Key> keys) {
        String n = indexName.isEmpty() ? generated(keys.stream().map(k -> k.column().orElse("expr")).toList(), "idx")
                : indexName;
        String columns = String.join(", ", keys.stream().map(k -> k.column().orElseThrow()
                + (k.descending() ? " DESC" : "")).toList());
        String definition = "CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + n + " ON "
                + (postgres ? name + " USING btree (" : name.name() + " (") + columns + ")";
        indexes.put(n, new Index(n, unique, "btree", keys, List.of(), Optional.empty(), definition));
    }

    private String generated(List<String> columnNames, String suffix) {
        return name.name() + "_" + String.join("_", columnNames) + "_" + suffix;
    }

    Table build() {
        Optional<PrimaryKey> pk = primaryKey.isEmpty() ? Optional.empty()
                : Optional.of(new PrimaryKey(postgres ? name.name() + "_pkey" : "", primaryKey));
        for (String column : primaryKey) {
            Column c = columns.get(column);
            if (c == null) {
                throw new GodwitException(ErrorCode.CONFIG, "The primary key of " + name + " names the column "
                        + column + ", which the table does not have (" + origin + ").");
            }
            columns.put(column, new Column(c.name(), c.type(), false, c.defaultExpression(), c.identity(),
                    c.generated(), c.collation(), c.comment()));
        }
        return new Table(name, List.copyOf(columns.values()), pk, List.copyOf(uniques.values()),
                List.copyOf(indexes.values()), List.copyOf(foreignKeys.values()), List.copyOf(checks.values()),
                List.of(), Optional.empty(), Optional.empty(), false, Optional.empty(), Map.of());
    }
}
