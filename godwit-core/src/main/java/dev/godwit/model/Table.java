package dev.godwit.model;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A table. Columns keep their declared order; constraints, indexes and triggers are sorted by name.
 *
 * @param partitionBy the partition key of a partitioned table, as the database prints it ({@code RANGE (day)})
 * @param partitionOf the parent and bound of a partition
 * @param unlogged    PostgreSQL UNLOGGED
 * @param attributes  dialect facts the model has no field for (SQLite {@code without_rowid}, {@code strict}), sorted
 */
public record Table(QualifiedName name, List<Column> columns, Optional<PrimaryKey> primaryKey,
                    List<UniqueConstraint> uniqueConstraints, List<Index> indexes, List<ForeignKey> foreignKeys,
                    List<Check> checks, List<Trigger> triggers, Optional<String> partitionBy,
                    Optional<PartitionOf> partitionOf, boolean unlogged, Optional<String> comment,
                    Map<String, String> attributes) {

    public Table {
        Objects.requireNonNull(name, "name");
        columns = Lists.copy(columns);
        primaryKey = primaryKey == null ? Optional.empty() : primaryKey;
        uniqueConstraints = Lists.sorted(uniqueConstraints, Comparator.comparing(UniqueConstraint::name));
        indexes = Lists.sorted(indexes, Comparator.comparing(Index::name));
        foreignKeys = Lists.sorted(foreignKeys, Comparator.comparing(ForeignKey::name));
        checks = Lists.sorted(checks, Comparator.comparing(Check::name));
        triggers = Lists.sorted(triggers, Comparator.comparing(Trigger::name));
        partitionBy = partitionBy == null ? Optional.empty() : partitionBy;
        partitionOf = partitionOf == null ? Optional.empty() : partitionOf;
        comment = comment == null ? Optional.empty() : comment;
        attributes = Lists.sorted(attributes);
    }

    /** A table with only columns. */
    public static Table of(QualifiedName name, List<Column> columns) {
        return new Table(name, columns, Optional.empty(), List.of(), List.of(), List.of(), List.of(), List.of(),
                Optional.empty(), Optional.empty(), false, Optional.empty(), Map.of());
    }

    /** The column with this name. */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** A partition: its parent table and bound ({@code FOR VALUES FROM (...) TO (...)}). */
    public record PartitionOf(QualifiedName parent, String bound) {
        public PartitionOf {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(bound, "bound");
        }
    }
}
