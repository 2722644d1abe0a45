package dev.godwit.sqlite;

import dev.godwit.diff.Change;
import dev.godwit.model.Catalog;
import dev.godwit.model.Column;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Table;
import dev.godwit.model.Trigger;
import dev.godwit.plan.UnsupportedChangeException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of the differ's changes SQLite's ALTER TABLE can make (https://www.sqlite.org/lang_altertable.html): ADD
 * COLUMN within its restrictions, DROP COLUMN of a column nothing else names, RENAME TABLE and RENAME COLUMN. Every
 * other change to an existing table makes it one {@link Change.RebuildTable}, which replaces the table's column,
 * constraint, attribute, index and trigger changes (the rebuild recreates the indexes and triggers of the new table).
 * A table renamed in the same plan is not rebuilt (refused as unsupported). SQLite declares foreign keys
 * only in CREATE TABLE: a new table gets its foreign keys back, and a dropped table takes its own with it.
 */
final class SqlitePlanRules {

    /** A default ADD COLUMN accepts: a literal, not CURRENT_* and not an expression in parentheses. */
    private static final Pattern CONSTANT = Pattern.compile(
            "(?i)[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|0x[0-9a-f]+|'([^']|'')*'|x'[0-9a-f]*'|null|true|false");

    private SqlitePlanRules() {
    }

    static List<Change> lower(List<Change> changes, Catalog from, Catalog to) {
        Set<QualifiedName> created = new HashSet<>();
        Set<QualifiedName> dropped = new HashSet<>();
        Map<QualifiedName, List<Change>> byTable = new LinkedHashMap<>();
        for (Change c : changes) {
            if (c instanceof Change.CreateTable t) {
                created.add(t.table().name());
            } else if (c instanceof Change.DropTable t) {
                dropped.add(t.table().name());
            } else if (!(c instanceof Change.RenameTable) && c.subject().isPresent()) {
                byTable.computeIfAbsent(c.subject().get(), k -> new ArrayList<>()).add(c);
            }
        }
        Map<QualifiedName, Change.RebuildTable> rebuilds = new LinkedHashMap<>();
        Set<Change> folded = new HashSet<>();
        byTable.forEach((name, tableChanges) -> {
            if (created.contains(name) || dropped.contains(name) || to.table(name).isEmpty()) {
                return;
            }
            Table target = to.table(name).get();
            if (needsRebuild(tableChanges, changes, target, folded)) {
                if (tableChanges.stream().anyMatch(c -> c instanceof Change.RenameColumn) || changes.stream()
                        .anyMatch(c -> c instanceof Change.RenameTable r && r.to().name().equals(name))) {
                    // The planner would order a rebuild before the renames it starts from.
                    throw new UnsupportedChangeException(tableChanges.get(0), "renaming table " + name + " or its "
                            + "columns in the plan that also rebuilds it (rename in one migration, change the "
                            + "table in the next)");
                }
                Table before = from.table(name).orElseThrow();
                if (before.attributes().containsKey("virtual") || target.attributes().containsKey("virtual")) {
                    throw new UnsupportedChangeException(tableChanges.get(0), "changing virtual table " + name
                            + " (its module owns its storage; drop and create it)");
                }
                rebuilds.put(name, new Change.RebuildTable(before, target));
            }
        });
        List<Change> out = new ArrayList<>();
        Set<QualifiedName> written = new HashSet<>();
        for (Change c : changes) {
            Optional<QualifiedName> subject = c.subject();
            if (c instanceof Change.CreateTable t) {
                // The differ leaves foreign keys to changes of their own; SQLite can declare them only here.
                out.add(new Change.CreateTable(withForeignKeys(t.table(), to)));
            } else if (c instanceof Change.AddForeignKey && subject.filter(created::contains).isPresent()
                    || c instanceof Change.DropForeignKey && subject.filter(dropped::contains).isPresent()
                    || folded.contains(c)) {
                continue;
            } else if (subject.isPresent() && rebuilds.containsKey(subject.get())) {
                if (written.add(subject.get())) {
                    out.add(rebuilds.get(subject.get()));
                }
            } else {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * True when some change to this existing table is beyond ALTER TABLE. A foreign key on one added column that
     * ADD COLUMN can declare inline goes into {@code folded}.
     */
    private static boolean needsRebuild(List<Change> tableChanges, List<Change> all, Table target,
                                        Set<Change> folded) {
        for (Change c : tableChanges) {
            if (c instanceof Change.AddColumn a && !canAdd(target, a.column())
                    || c instanceof Change.DropColumn d && !canDrop(d.table(), d.column(), all)
                    || c instanceof Change.AddForeignKey fk && !inlineReference(fk, tableChanges, target)
                    || c instanceof Change.AlterColumn || c instanceof Change.AlterTable
                    || c instanceof Change.AddPrimaryKey || c instanceof Change.DropPrimaryKey
                    || c instanceof Change.AddUnique || c instanceof Change.DropUnique
                    || c instanceof Change.AddCheck || c instanceof Change.DropCheck
                    || c instanceof Change.DropForeignKey) {
                return true;
            }
        }
        tableChanges.stream().filter(c -> c instanceof Change.AddForeignKey).forEach(folded::add);
        return false;
    }

    /** A foreign key on exactly one column added by this diff, which ADD COLUMN can declare with REFERENCES. */
    private static boolean inlineReference(Change.AddForeignKey fk, List<Change> tableChanges, Table target) {
        return fk.key().columns().size() == 1 && tableChanges.stream().anyMatch(c -> c instanceof Change.AddColumn a
                && a.column().name().equals(fk.key().columns().get(0)) && canAdd(target, a.column()));
    }

    /**
     * ADD COLUMN's restrictions: not part of the primary key or a UNIQUE constraint, a constant default, NOT NULL
     * only with a default other than NULL, no STORED generation, and a column with REFERENCES defaults to NULL.
     */
    static boolean canAdd(Table table, Column column) {
        String name = column.name();
        Optional<String> value = column.defaultExpression().map(String::strip)
                .filter(d -> !d.equalsIgnoreCase("null"));
        boolean references = table.foreignKeys().stream().anyMatch(fk -> fk.columns().contains(name));
        return table.primaryKey().map(pk -> !pk.columns().contains(name)).orElse(true)
                && table.uniqueConstraints().stream().noneMatch(u -> u.columns().contains(name))
                && value.map(d -> CONSTANT.matcher(d).matches()).orElse(true)
                && (column.nullable() || value.isPresent() && column.generated().isEmpty())
                && !"true".equals(table.attributes().get("stored." + name))
                && !(references && value.isPresent())
                && table.foreignKeys().stream().noneMatch(fk -> fk.columns().contains(name) && fk.columns().size() > 1);
    }

    /**
     * DROP COLUMN's restrictions: the column is not part of the primary key, a UNIQUE constraint or a foreign key,
     * is not generated nor used by a generated column or a check, and every index or trigger naming it is dropped by
     * this diff too. Views that read the table are dropped and recreated around the change by the planner.
     */
    static boolean canDrop(Table table, Column column, List<Change> all) {
        String name = column.name();
        Set<String> droppedIndexes = new HashSet<>();
        Set<String> droppedTriggers = new HashSet<>();
        for (Change c : all) {
            if (c instanceof Change.DropIndex d) {
                droppedIndexes.add(d.index().name());
            } else if (c instanceof Change.DropTrigger d) {
                droppedTriggers.add(d.trigger().name());
            }
        }
        return table.primaryKey().map(pk -> !pk.columns().contains(name)).orElse(true)
                && table.uniqueConstraints().stream().noneMatch(u -> u.columns().contains(name))
                && table.foreignKeys().stream().noneMatch(fk -> fk.columns().contains(name))
                && column.generated().isEmpty()
                && table.columns().stream().noneMatch(c -> c.generated().filter(g -> names(g, name)).isPresent())
                && table.checks().stream().noneMatch(k -> names(k.expression(), name))
                && table.indexes().stream().filter(i -> uses(i, name)).allMatch(i -> droppedIndexes.contains(i.name()))
                && table.triggers().stream().filter(t -> names(t.definition(), name))
                .map(Trigger::name).allMatch(droppedTriggers::contains);
    }

    private static boolean uses(Index index, String column) {
        return index.keys().stream().anyMatch(k -> k.column().filter(column::equalsIgnoreCase).isPresent()
                || k.expression().filter(e -> names(e, column)).isPresent())
                || index.include().stream().anyMatch(column::equalsIgnoreCase)
                || index.where().filter(w -> names(w, column)).isPresent();
    }

    /** True when {@code text} names the column as a whole word, quoted or not (SQLite names ignore case). */
    static boolean names(String text, String column) {
        return Pattern.compile("(?<![\\w$])" + Pattern.quote(column.toLowerCase(Locale.ROOT)) + "(?![\\w$])")
                .matcher(text.toLowerCase(Locale.ROOT)).find();
    }

    /** A table the diff creates, with the foreign keys it has in {@code to}. */
    private static Table withForeignKeys(Table t, Catalog to) {
        List<ForeignKey> keys = to.table(t.name()).map(Table::foreignKeys).orElse(t.foreignKeys());
        return new Table(t.name(), t.columns(), t.primaryKey(), t.uniqueConstraints(), t.indexes(), keys,
                t.checks(), t.triggers(), t.partitionBy(), t.partitionOf(), t.unlogged(), t.comment(),
                t.attributes());
    }
}
