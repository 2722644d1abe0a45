package dev.godwit.postgres;

import dev.godwit.diff.Change;
import dev.godwit.diff.DiffHooks;
import dev.godwit.diff.SchemaDiffer;
import dev.godwit.model.Catalog;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Schema;
import dev.godwit.model.Sequence;
import dev.godwit.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A table whose partitioning changes (plain to partitioned, partitioned to plain, another partition key) is dropped
 * and created again: PostgreSQL has no ALTER TABLE for it. This is what migra plans too; the DROP
 * TABLE carries the data-loss hazard, so {@code generate} and {@code check} refuse the plan unless drops are allowed,
 * and moving the rows stays a decision for the user.
 *
 * <p>The table's own changes are replaced by those the differ gives for dropping it and creating it as desired, so
 * indexes, triggers, comments and foreign keys come back written as for any new table. Around it:
 * <ul>
 *   <li>its partitions that stay partitions of it are dropped with it (DROP TABLE takes them) and created again
 *       after it; a partition that leaves it keeps its own DETACH, ordered before the drop;</li>
 *   <li>a foreign key of another table that refers to it is dropped before and added again after (PostgreSQL
 *       refuses to drop a table other tables refer to);</li>
 *   <li>a sequence it owns ({@code serial}) is disowned before and owned again after, so the drop does not take it
 *       and it keeps its value;</li>
 *   <li>views that read it are dropped and created again around it by the planner, as for any dropped table.</li>
 * </ul>
 */
final class PostgresTableReplacement {

    private PostgresTableReplacement() {
    }

    static List<Change> lower(List<Change> changes, Catalog from, Catalog to, DiffHooks hooks) {
        Set<QualifiedName> replaced = new HashSet<>();
        for (Change c : changes) {
            if (c instanceof Change.AlterTable a && !partitioning(a.from()).equals(partitioning(a.to()))) {
                replaced.add(a.to().name());
            }
        }
        if (replaced.isEmpty()) {
            return changes;
        }
        // Partitions that stay in a replaced table, and theirs in turn: the drop takes them.
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Table t : tables(from)) {
                Optional<QualifiedName> parent = t.partitionOf().map(Table.PartitionOf::parent);
                if (!replaced.contains(t.name()) && parent.filter(replaced::contains).isPresent()
                        && to.table(t.name()).flatMap(Table::partitionOf).map(Table.PartitionOf::parent)
                        .equals(parent)) {
                    replaced.add(t.name());
                    grew = true;
                }
            }
        }
        SchemaDiffer differ = new SchemaDiffer(hooks);
        Set<Change> out = new LinkedHashSet<>();
        changes.stream().filter(c -> c.subject().filter(replaced::contains).isEmpty()).forEach(out::add);
        // Duplicates of changes the diff already has (a foreign key it drops anyway) fall out of the set.
        out.addAll(differ.diff(from, without(from, replaced)).changes());
        out.addAll(differ.diff(without(to, replaced), to).changes());
        return List.copyOf(out);
    }

    private static Optional<String> partitioning(Table table) {
        return table.partitionBy().map(DiffHooks::squash);
    }

    /**
     * The catalog without these tables, without the foreign keys of other tables that refer to them, and with the
     * sequences they own disowned.
     */
    private static Catalog without(Catalog catalog, Set<QualifiedName> tables) {
        List<Schema> schemas = new ArrayList<>();
        for (Schema s : catalog.schemas()) {
            List<Table> kept = new ArrayList<>();
            for (Table t : s.tables()) {
                if (!tables.contains(t.name())) {
                    kept.add(withoutForeignKeys(t, fk -> tables.contains(fk.referencedTable())));
                }
            }
            List<Sequence> sequences = s.sequences().stream()
                    .map(q -> q.ownedBy().filter(o -> tables.contains(owner(q, o))).isPresent() ? disowned(q) : q)
                    .toList();
            schemas.add(new Schema(s.name(), kept, s.views(), sequences, s.enums(), s.domains(), s.routines(),
                    s.comment(), s.compositeTypes()));
        }
        return new Catalog(catalog.dialect(), schemas, catalog.extensions());
    }

    private static Table withoutForeignKeys(Table t, Predicate<dev.godwit.model.ForeignKey> drop) {
        if (t.foreignKeys().stream().noneMatch(drop)) {
            return t;
        }
        return new Table(t.name(), t.columns(), t.primaryKey(), t.uniqueConstraints(), t.indexes(),
                t.foreignKeys().stream().filter(drop.negate()).toList(), t.checks(), t.triggers(), t.partitionBy(),
                t.partitionOf(), t.unlogged(), t.comment(), t.attributes());
    }

    /** The table of an {@code OWNED BY} value ({@code table.column}, the table maybe schema-qualified). */
    private static QualifiedName owner(Sequence sequence, String tableDotColumn) {
        String table = tableDotColumn.substring(0, tableDotColumn.lastIndexOf('.'));
        int dot = table.indexOf('.');
        return dot < 0 ? QualifiedName.of(sequence.name().schema(), table)
                : QualifiedName.of(table.substring(0, dot), table.substring(dot + 1));
    }

    private static Sequence disowned(Sequence s) {
        return new Sequence(s.name(), s.dataType(), s.start(), s.increment(), s.min(), s.max(), s.cache(), s.cycle(),
                Optional.empty(), s.comment());
    }

    private static List<Table> tables(Catalog catalog) {
        return catalog.schemas().stream().flatMap(s -> s.tables().stream()).toList();
    }
}
