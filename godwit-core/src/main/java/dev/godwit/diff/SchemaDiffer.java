package dev.godwit.diff;

import dev.godwit.model.Catalog;
import dev.godwit.model.Check;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.Domain;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Routine;
import dev.godwit.model.Schema;
import dev.godwit.model.Sequence;
import dev.godwit.model.Table;
import dev.godwit.model.Trigger;
import dev.godwit.model.UniqueConstraint;
import dev.godwit.model.View;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compares two catalogs of one dialect and lists the {@link Change}s that turn the first into the second: one
 * algorithm for every dialect, which varies only through {@link DiffHooks}. Objects are matched by name (tables and
 * columns also through {@link Rename} hints); constraints whose names the database generated are matched by content,
 * so an explicitly named {@code users_pkey} and an implicit one are the same. Equivalent catalogs give no change.
 */
public final class SchemaDiffer {

    private final DiffHooks hooks;
    private final Renames renames;

    public SchemaDiffer(DiffHooks hooks, List<Rename> renames) {
        this.hooks = hooks;
        this.renames = new Renames(renames);
    }

    public SchemaDiffer(DiffHooks hooks) {
        this(hooks, List.of());
    }

    public Diff diff(Catalog from, Catalog to) {
        List<Change> out = new ArrayList<>();
        match(from.extensions(), to.extensions(), e -> e.name(), out::add,
                e -> new Change.CreateExtension(e), e -> new Change.DropExtension(e), (a, b) -> {
                    if (!java.util.Objects.equals(a.version(), b.version())
                            || !java.util.Objects.equals(a.schema(), b.schema())) {
                        out.add(new Change.AlterExtension(a, b));
                    }
                });
        Map<String, Schema> toSchemas = byKey(to.schemas(), Schema::name);
        for (Schema a : from.schemas()) {
            Schema b = toSchemas.get(a.name());
            diffSchema(out, a, b == null ? empty(a.name()) : b);
            if (b != null && !a.comment().equals(b.comment())) {
                out.add(new Change.SetSchemaComment(a.name(), a.comment(), b.comment()));
            }
            if (b == null) {
                out.add(new Change.DropSchema(a.name()));
            }
        }
        Map<String, Schema> fromSchemas = byKey(from.schemas(), Schema::name);
        for (Schema b : to.schemas()) {
            if (!fromSchemas.containsKey(b.name())) {
                out.add(new Change.CreateSchema(b.name()));
                b.comment().ifPresent(c -> out.add(new Change.SetSchemaComment(b.name(), Optional.empty(),
                        Optional.of(c))));
                diffSchema(out, empty(b.name()), b);
            }
        }
        return new Diff(from, to, out);
    }

    private static Schema empty(String name) {
        return new Schema(name, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), Optional.empty());
    }

    private void diffSchema(List<Change> out, Schema a, Schema b) {
        match(a.enums(), b.enums(), e -> e.name().toString(), out::add, Change.CreateEnum::new,
                Change.DropEnum::new, (x, y) -> {
                    if (!x.labels().equals(y.labels()) || !x.comment().equals(y.comment())) {
                        out.add(new Change.AlterEnum(x, y));
                    }
                });
        match(a.compositeTypes(), b.compositeTypes(), t -> t.name().toString(), out::add,
                Change.CreateCompositeType::new, Change.DropCompositeType::new, (x, y) -> {
                    if (!x.attributes().stream().map(this::normalise).toList().equals(y.attributes().stream()
                            .map(this::normalise).toList()) || !x.attributes().stream().map(Column::name).toList()
                            .equals(y.attributes().stream().map(Column::name).toList())
                            || !x.comment().equals(y.comment())) {
                        out.add(new Change.AlterCompositeType(x, y));
                    }
                });
        match(a.domains(), b.domains(), d -> d.name().toString(), out::add, Change.CreateDomain::new,
                Change.DropDomain::new, (x, y) -> {
                    if (!normalise(x).equals(normalise(y))) {
                        out.add(new Change.AlterDomain(x, y));
                    }
                });
        diffSequences(out, a, b);
        diffTables(out, a, b);
        match(a.routines(), b.routines(), r -> r.name() + "(" + r.signature() + ")", out::add,
                Change.CreateRoutine::new, Change.DropRoutine::new, (x, y) -> {
                    if (!sameRoutine(x, y)) {
                        out.add(new Change.ReplaceRoutine(x, y));
                    }
                });
        diffViews(out, a, b);
    }

    private boolean sameRoutine(Routine x, Routine y) {
        // Exactly, but for outer whitespace: a body's whitespace can be inside a string literal, and the text is
        // what the database keeps and prints.
        return x.kind().equals(y.kind()) && x.definition().strip().equals(y.definition().strip());
    }

    /**
     * Ownership ({@code OWNED BY}) is a change of its own after the table exists, as pg_dump writes it: the table's
     * default reads the sequence, and the sequence would otherwise need the table first. A dropped sequence is
     * disowned first, so the inverse plan creates it and gives it back to its table the same way.
     */
    private void diffSequences(List<Change> out, Schema a, Schema b) {
        match(a.sequences(), b.sequences(), s -> s.name().toString(), out::add, s -> {
            Sequence unowned = withoutOwner(s);
            if (s.ownedBy().isPresent()) {
                out.add(new Change.AlterSequence(unowned, s));
            }
            return new Change.CreateSequence(unowned);
        }, s -> {
            Sequence unowned = withoutOwner(s);
            if (s.ownedBy().isPresent()) {
                out.add(new Change.AlterSequence(s, unowned));
            }
            return new Change.DropSequence(unowned);
        }, (x, y) -> {
            if (!x.equals(y)) {
                out.add(new Change.AlterSequence(x, y));
            }
        });
    }

    private static Sequence withoutOwner(Sequence s) {
        return new Sequence(s.name(), s.dataType(), s.start(), s.increment(), s.min(), s.max(), s.cache(), s.cycle(),
                Optional.empty(), s.comment());
    }

    private void diffTables(List<Change> out, Schema a, Schema b) {
        Map<String, Table> fromTables = new LinkedHashMap<>();
        for (Table t : a.tables()) {
            fromTables.put(renames.tableName(t.name()).orElse(t.name().name()), t);
        }
        Map<String, Table> toTables = byKey(b.tables(), t -> t.name().name());
        for (Map.Entry<String, Table> e : fromTables.entrySet()) {
            Table x = e.getValue();
            Table y = toTables.get(e.getKey());
            if (y == null) {
                x.triggers().forEach(t -> out.add(new Change.DropTrigger(x, t)));
                x.indexes().forEach(i -> out.add(new Change.DropIndex(x.name(), i)));
                x.foreignKeys().forEach(fk -> out.add(new Change.DropForeignKey(x, fk)));
                out.add(new Change.DropTable(x));
                continue;
            }
            Table current = x;
            if (!x.name().equals(y.name())) {
                Table renamed = rename(x, y.name());
                out.add(new Change.RenameTable(x, renamed));
                current = renamed;
            }
            diffTable(out, x, current, y);
        }
        for (Table y : b.tables()) {
            if (!fromTables.containsKey(y.name().name())) {
                out.add(new Change.CreateTable(withoutDependents(y)));
                y.foreignKeys().forEach(fk -> out.add(new Change.AddForeignKey(y, fk)));
                y.indexes().forEach(i -> out.add(new Change.CreateIndex(y.name(), i)));
                y.triggers().forEach(t -> out.add(new Change.CreateTrigger(y, t)));
            }
        }
    }

    /**
     * A new table as CREATE TABLE writes it, with its comments: foreign keys, indexes and triggers follow as changes
     * of their own.
     */
    private static Table withoutDependents(Table t) {
        return new Table(t.name(), t.columns(), t.primaryKey(), t.uniqueConstraints(), List.of(), List.of(),
                t.checks(), List.of(), t.partitionBy(), t.partitionOf(), t.unlogged(), t.comment(),
                t.attributes());
    }

    private static Table rename(Table t, QualifiedName name) {
        return new Table(name, t.columns(), t.primaryKey(), t.uniqueConstraints(), t.indexes(), t.foreignKeys(),
                t.checks(), t.triggers(), t.partitionBy(), t.partitionOf(), t.unlogged(), t.comment(),
                t.attributes());
    }

    /**
     * The changes within a table. {@code original} is the table under its old name, which what is dropped runs
     * against (before a rename); {@code a} is it under its new name, which the rest compares with {@code b}.
     */
    private void diffTable(List<Change> out, Table original, Table a, Table b) {
        if (a.unlogged() != b.unlogged() || !a.partitionBy().map(hooks::expression)
                .equals(b.partitionBy().map(hooks::expression)) || !a.partitionOf().equals(b.partitionOf())
                || !a.attributes().equals(b.attributes())) {
            out.add(new Change.AlterTable(a, b));
        }
        if (!a.comment().equals(b.comment())) {
            out.add(new Change.SetTableComment(b, a.comment(), b.comment()));
        }
        diffColumns(out, original, a, b);
        // A table has one primary key at most: its columns are what matters, not its name (which keeps the old
        // table's after a rename).
        Optional<String> pkA = a.primaryKey().map(pk -> pk.columns() + " " + pk.deferrable());
        Optional<String> pkB = b.primaryKey().map(pk -> pk.columns() + " " + pk.deferrable());
        if (!pkA.equals(pkB)) {
            a.primaryKey().ifPresent(pk -> out.add(new Change.DropPrimaryKey(original, pk)));
            b.primaryKey().ifPresent(pk -> out.add(new Change.AddPrimaryKey(b, pk)));
        }
        match(a.uniqueConstraints(), b.uniqueConstraints(), u -> constraintKey(original, a, b, u.name(),
                describe(u)), out::add,
                u -> new Change.AddUnique(b, u), u -> new Change.DropUnique(original, u), (x, y) -> { });
        match(a.checks(), b.checks(), c -> constraintKey(original, a, b, c.name(),
                hooks.expression(c.expression())), out::add,
                c -> new Change.AddCheck(b, c), c -> new Change.DropCheck(original, c), (x, y) -> { });
        match(a.foreignKeys(), b.foreignKeys(), fk -> constraintKey(original, a, b, fk.name(), describe(fk)),
                out::add,
                fk -> new Change.AddForeignKey(b, fk), fk -> new Change.DropForeignKey(original, fk), (x, y) -> { });
        match(a.indexes(), b.indexes(), i -> constraintKey(original, a, b, i.name(), describe(i)),
                out::add,
                i -> new Change.CreateIndex(b.name(), i), i -> new Change.DropIndex(original.name(), i), (x, y) -> { });
        match(a.triggers(), b.triggers(), Trigger::name, out::add, t -> new Change.CreateTrigger(b, t),
                t -> new Change.DropTrigger(original, t), (x, y) -> {
                    if (!hooks.expression(x.definition()).equals(hooks.expression(y.definition()))) {
                        out.add(new Change.DropTrigger(original, x));
                        out.add(new Change.CreateTrigger(b, y));
                    }
                });
    }

    private void diffColumns(List<Change> out, Table original, Table a, Table b) {
        Map<String, Column> fromColumns = new LinkedHashMap<>();
        for (Column c : a.columns()) {
            fromColumns.put(renames.columnName(a.name(), c.name()).orElse(c.name()), c);
        }
        Map<String, Column> toColumns = byKey(b.columns(), Column::name);
        for (Map.Entry<String, Column> e : fromColumns.entrySet()) {
            Column x = e.getValue();
            Column y = toColumns.get(e.getKey());
            if (y == null) {
                out.add(new Change.DropColumn(original, x));
                continue;
            }
            Column current = x;
            if (!x.name().equals(y.name())) {
                current = new Column(y.name(), x.type(), x.nullable(), x.defaultExpression(), x.identity(),
                        x.generated(), x.collation(), x.comment());
                out.add(new Change.RenameColumn(a, x, current));
            }
            if (!normalise(current).equals(normalise(y))) {
                out.add(new Change.AlterColumn(b, current, y));
            }
            if (!current.comment().equals(y.comment())) {
                out.add(new Change.SetColumnComment(b, y, current.comment(), y.comment()));
            }
        }
        for (Column y : b.columns()) {
            if (!fromColumns.containsKey(y.name())) {
                out.add(new Change.AddColumn(b, y));
            }
        }
    }

    private void diffViews(List<Change> out, Schema a, Schema b) {
        match(a.views(), b.views(), v -> v.name().toString(), out::add, v -> {
            v.indexes().forEach(i -> out.add(new Change.CreateIndex(v.name(), i)));
            return new Change.CreateView(v);
        }, v -> new Change.DropView(v), (x, y) -> {
            if (x.materialized() != y.materialized()
                    || !hooks.expression(x.definition()).equals(hooks.expression(y.definition()))) {
                out.add(new Change.DropView(x));
                out.add(new Change.CreateView(y));
                y.indexes().forEach(i -> out.add(new Change.CreateIndex(y.name(), i)));
                return;
            }
            if (!x.comment().equals(y.comment())) {
                out.add(new Change.SetViewComment(y, x.comment(), y.comment()));
            }
            Table columns = Table.of(y.name(), List.of());
            java.util.Set<String> commented = new java.util.TreeSet<>(x.columnComments().keySet());
            commented.addAll(y.columnComments().keySet());
            for (String column : commented) {
                Optional<String> before = Optional.ofNullable(x.columnComments().get(column));
                Optional<String> after = Optional.ofNullable(y.columnComments().get(column));
                if (!before.equals(after)) {
                    out.add(new Change.SetColumnComment(columns, Column.of(column, DataType.of("")), before,
                            after));
                }
            }
            match(x.indexes(), y.indexes(), i -> i.name() + " " + describe(i), out::add,
                    i -> new Change.CreateIndex(y.name(), i), i -> new Change.DropIndex(x.name(), i), (i, j) -> { });
            Table on = Table.of(y.name(), List.of());
            match(x.triggers(), y.triggers(), t -> t.name() + " " + hooks.expression(t.definition()), out::add,
                    t -> new Change.CreateTrigger(on, t), t -> new Change.DropTrigger(on, t), (s, t) -> { });
        });
    }

    /** A column as compared: the hooks' forms of type and default, the comment left out (a change of its own). */
    private Object normalise(Column c) {
        return List.of(hooks.type(c.type()), c.nullable(), hooks.columnDefault(c.defaultExpression()),
                c.identity(), c.generated().map(hooks::expression), c.collation());
    }

    private Object normalise(Domain d) {
        return List.of(hooks.type(d.type()), d.notNull(), hooks.columnDefault(d.defaultExpression()), d.collation(),
                d.checks().stream().map(c -> c.name() + " " + hooks.expression(c.expression())).toList(),
                d.comment());
    }

    /** A constraint's match key: its content alone when any of the tables' names would have generated its name. */
    private String constraintKey(Table original, Table a, Table b, String name, String content) {
        return hooks.generatedName(original, name) || hooks.generatedName(a, name) || hooks.generatedName(b, name)
                ? "(generated) " + content : name + " " + content;
    }

    private static String describe(UniqueConstraint u) {
        return u.columns() + " " + u.deferrable();
    }

    private String describe(ForeignKey fk) {
        return fk.columns() + " -> " + fk.referencedTable() + fk.referencedColumns() + " update " + fk.onUpdate()
                + " delete " + fk.onDelete() + " " + fk.match() + " " + fk.deferrable();
    }

    /** Indexes compare by their definition with the index's own name taken out, so a rename alone is not noise. */
    private String describe(Index i) {
        String definition = hooks.expression(i.definition());
        return definition.isEmpty() ? i.unique() + " " + i.method() + " " + i.keys() + " " + i.include() + " "
                + i.where().map(hooks::expression) : definition.replace(" " + i.name() + " ", " ")
                .replace(" \"" + i.name() + "\" ", " ");
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.forEach(i -> map.put(key.apply(i), i));
        return map;
    }

    /**
     * Pairs two lists by key: what is only in {@code a} is dropped, only in {@code b} created, and pairs are
     * handed to {@code both}.
     */
    private static <T> void match(List<T> a, List<T> b, Function<T, String> key,
                                  java.util.function.Consumer<Change> out, Function<T, Change> create,
                                  Function<T, Change> drop, java.util.function.BiConsumer<T, T> both) {
        Map<String, T> left = byKey(a, key);
        Map<String, T> right = byKey(b, key);
        left.forEach((k, x) -> {
            T y = right.get(k);
            if (y == null) {
                out.accept(drop.apply(x));
            } else {
                both.accept(x, y);
            }
        });
        right.forEach((k, y) -> {
            if (!left.containsKey(k)) {
                out.accept(create.apply(y));
            }
        });
    }
}
