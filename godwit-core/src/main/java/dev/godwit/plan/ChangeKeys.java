package dev.godwit.plan;

import dev.godwit.diff.Change;
import dev.godwit.model.Catalog;
import dev.godwit.model.Column;
import dev.godwit.model.DataType;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Table;
import dev.godwit.model.View;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What each change makes exist, makes stop existing, and needs, as string keys ({@code rel:public.users},
 * {@code col:public.users.email}, {@code type:public.mood}, ...). The planner turns them into edges: whatever
 * provides a key runs before whatever needs it on the "to" side; whatever still uses a key on the "from" side runs
 * before whatever removes it; and a removal runs before a creation of the same key.
 */
final class ChangeKeys {

    /** The four key sets of one change. */
    record Keys(Set<String> provides, Set<String> removes, Set<String> needsTo, Set<String> needsFrom) {
    }

    /**
     * A view reads its tables' columns, at table level (the model's view dependencies name relations): it is
     * dropped before a column it may read goes or changes type ({@code read:}), and created after the columns it
     * may read are there ({@code readable:}). Two keys, so a change that does both is not ordered against itself.
     */
    private static final String READ = "read:";
    private static final String READABLE = "readable:";
    private static final Pattern NEXTVAL = Pattern.compile("nextval\\('([^']+)'");
    private static final Pattern TRIGGER_FUNCTION = Pattern.compile(
            "EXECUTE\\s+(?:FUNCTION|PROCEDURE)\\s+([^\\s(]+)\\s*\\(", Pattern.CASE_INSENSITIVE);

    /** User type names (enums, domains), unqualified and qualified, to their key. */
    private final Map<String, String> types = new HashMap<>();
    private final Map<String, String> sequences = new HashMap<>();
    private final Set<String> routineNames = new HashSet<>();

    ChangeKeys(Catalog from, Catalog to) {
        for (Catalog catalog : List.of(from, to)) {
            catalog.schemas().forEach(s -> {
                s.enums().forEach(e -> addName(types, "type:", e.name()));
                s.domains().forEach(d -> addName(types, "type:", d.name()));
                s.compositeTypes().forEach(t -> addName(types, "type:", t.name()));
                s.sequences().forEach(q -> addName(sequences, "seq:", q.name()));
                s.routines().forEach(r -> routineNames.add(r.name().name()));
            });
        }
    }

    private static void addName(Map<String, String> index, String prefix, QualifiedName name) {
        String key = prefix + name;
        index.put(name.toString(), key);
        index.putIfAbsent(name.name(), key);
    }

    Keys of(Change change) {
        Set<String> provides = new LinkedHashSet<>();
        Set<String> removes = new LinkedHashSet<>();
        Set<String> needsTo = new LinkedHashSet<>();
        Set<String> needsFrom = new LinkedHashSet<>();
        if (change instanceof Change.CreateSchema c) {
            provides.add("schema:" + c.name());
        } else if (change instanceof Change.DropSchema c) {
            removes.add("schema:" + c.name());
        } else if (change instanceof Change.SetSchemaComment c) {
            needsTo.add("schema:" + c.name());
            if (c.to().isEmpty()) {
                needsFrom.add("schema:" + c.name());
            }
        } else if (change instanceof Change.CreateExtension c) {
            provides.add("ext:" + c.extension().name());
            schema(needsTo, c.extension().schema());
        } else if (change instanceof Change.DropExtension c) {
            removes.add("ext:" + c.extension().name());
        } else if (change instanceof Change.AlterExtension c) {
            needsTo.add("ext:" + c.to().name());
        } else if (change instanceof Change.CreateEnum c) {
            provides.add("type:" + c.type().name());
            schema(needsTo, c.type().name());
        } else if (change instanceof Change.DropEnum c) {
            removes.add("type:" + c.type().name());
            schema(needsFrom, c.type().name());
        } else if (change instanceof Change.AlterEnum c) {
            provides.add("type:" + c.to().name());
        } else if (change instanceof Change.CreateCompositeType c) {
            provides.add("type:" + c.type().name());
            schema(needsTo, c.type().name());
            c.type().attributes().forEach(a -> type(needsTo, a.type()));
        } else if (change instanceof Change.DropCompositeType c) {
            removes.add("type:" + c.type().name());
            schema(needsFrom, c.type().name());
            c.type().attributes().forEach(a -> type(needsFrom, a.type()));
        } else if (change instanceof Change.AlterCompositeType c) {
            provides.add("type:" + c.to().name());
            c.to().attributes().forEach(a -> type(needsTo, a.type()));
            c.from().attributes().forEach(a -> type(needsFrom, a.type()));
        } else if (change instanceof Change.CreateDomain c) {
            provides.add("type:" + c.domain().name());
            schema(needsTo, c.domain().name());
            type(needsTo, c.domain().type());
            c.domain().checks().forEach(k -> expression(needsTo, k.expression()));
        } else if (change instanceof Change.DropDomain c) {
            removes.add("type:" + c.domain().name());
            schema(needsFrom, c.domain().name());
            type(needsFrom, c.domain().type());
        } else if (change instanceof Change.AlterDomain c) {
            provides.add("type:" + c.to().name());
            type(needsTo, c.to().type());
        } else if (change instanceof Change.CreateSequence c) {
            provides.add("seq:" + c.sequence().name());
            schema(needsTo, c.sequence().name());
        } else if (change instanceof Change.DropSequence c) {
            removes.add("seq:" + c.sequence().name());
            schema(needsFrom, c.sequence().name());
        } else if (change instanceof Change.AlterSequence c) {
            needsTo.add("seq:" + c.to().name());
            needsFrom.add("seq:" + c.from().name());
            c.to().ownedBy().ifPresent(o -> owner(needsTo, c.to().name(), o));
            c.from().ownedBy().ifPresent(o -> owner(needsFrom, c.from().name(), o));
        } else if (change instanceof Change.CreateTable c) {
            table(provides, c.table());
            schema(needsTo, c.table().name());
            c.table().columns().forEach(col -> column(needsTo, col));
            c.table().checks().forEach(k -> expression(needsTo, k.expression()));
            c.table().partitionOf().ifPresent(p -> needsTo.add("rel:" + p.parent()));
        } else if (change instanceof Change.DropTable c) {
            table(removes, c.table());
            schema(needsFrom, c.table().name());
            c.table().columns().forEach(col -> column(needsFrom, col));
            c.table().partitionOf().ifPresent(p -> needsFrom.add("rel:" + p.parent()));
        } else if (change instanceof Change.RenameTable c) {
            // Only the name moves: what ran against the old name (drops) has rel:old, what follows the rename
            // needs rel:new; columns keep their own keys, which a column rename moves.
            removes.add("rel:" + c.from().name());
            provides.add("rel:" + c.to().name());
        } else if (change instanceof Change.RebuildTable c) {
            removes.add(READ + c.from().name());
            provides.add(READABLE + c.to().name());
            table(removes, c.from());
            table(provides, c.to());
            c.to().columns().forEach(col -> column(needsTo, col));
            c.to().foreignKeys().forEach(fk -> foreignKey(needsTo, c.to(), fk));
            c.from().columns().forEach(col -> column(needsFrom, col));
        } else if (change instanceof Change.AlterTable c) {
            // After the table has its new columns (a table must have its parent's columns to INHERIT it) and
            // before old ones go (an inherited column cannot be dropped while it is inherited).
            needsTo.add("rel:" + c.to().name());
            provides.add("attrs:" + c.to().name());
            c.to().columns().forEach(col -> needsTo.add(col(c.to().name(), col.name())));
            c.to().partitionOf().ifPresent(p -> needsTo.add("rel:" + p.parent()));
            // A partition detached from its parent, before the parent is dropped (which would take it along).
            c.from().partitionOf().filter(p -> !c.to().partitionOf().equals(Optional.of(p)))
                    .ifPresent(p -> needsFrom.add("rel:" + p.parent()));
        } else if (change instanceof Change.SetTableComment c) {
            needsTo.add("rel:" + c.table().name());
            if (c.to().isEmpty()) {
                needsFrom.add("rel:" + c.table().name());
            }
        } else if (change instanceof Change.AddColumn c) {
            provides.add(READABLE + c.table().name());
            provides.add(col(c.table().name(), c.column().name()));
            needsTo.add("rel:" + c.table().name());
            column(needsTo, c.column());
        } else if (change instanceof Change.DropColumn c) {
            removes.add(READ + c.table().name());
            removes.add(col(c.table().name(), c.column().name()));
            needsTo.add("attrs:" + c.table().name());
            needsFrom.add("rel:" + c.table().name());
            column(needsFrom, c.column());
        } else if (change instanceof Change.RenameColumn c) {
            removes.add(col(c.table().name(), c.from().name()));
            provides.add(col(c.table().name(), c.to().name()));
            needsTo.add("rel:" + c.table().name());
            needsFrom.add("rel:" + c.table().name());
        } else if (change instanceof Change.AlterColumn c) {
            provides.add(READABLE + c.table().name());
            String key = col(c.table().name(), c.to().name());
            needsTo.add("rel:" + c.table().name());
            needsFrom.add("rel:" + c.table().name());
            column(needsTo, c.to());
            column(needsFrom, c.from());
            if (c.reshapes()) {
                removes.add(READ + c.table().name());
                removes.add(key);
                provides.add(key);
            }
        } else if (change instanceof Change.SetColumnComment c) {
            needsTo.add(col(c.table().name(), c.column().name()));
            if (c.to().isEmpty()) {
                needsFrom.add(col(c.table().name(), c.column().name()));
            }
        } else if (change instanceof Change.AddPrimaryKey c) {
            provides.add(key(c.table().name(), c.key().columns()));
            provides.add(constraint(c.table().name(), c.key().name()));
            columns(needsTo, c.table().name(), c.key().columns());
        } else if (change instanceof Change.DropPrimaryKey c) {
            removes.add(key(c.table().name(), c.key().columns()));
            removes.add(constraint(c.table().name(), c.key().name()));
            columns(needsFrom, c.table().name(), c.key().columns());
        } else if (change instanceof Change.AddUnique c) {
            provides.add(key(c.table().name(), c.constraint().columns()));
            provides.add(constraint(c.table().name(), c.constraint().name()));
            columns(needsTo, c.table().name(), c.constraint().columns());
        } else if (change instanceof Change.DropUnique c) {
            removes.add(key(c.table().name(), c.constraint().columns()));
            removes.add(constraint(c.table().name(), c.constraint().name()));
            columns(needsFrom, c.table().name(), c.constraint().columns());
        } else if (change instanceof Change.AddCheck c) {
            provides.add(constraint(c.table().name(), c.check().name()));
            needsTo.add("rel:" + c.table().name());
            expression(needsTo, c.check().expression());
            mentionedColumns(needsTo, c.table(), c.check().expression());
        } else if (change instanceof Change.DropCheck c) {
            removes.add(constraint(c.table().name(), c.check().name()));
            needsFrom.add("rel:" + c.table().name());
            mentionedColumns(needsFrom, c.table(), c.check().expression());
        } else if (change instanceof Change.AddForeignKey c) {
            provides.add(constraint(c.table().name(), c.key().name()));
            foreignKey(needsTo, c.table(), c.key());
        } else if (change instanceof Change.DropForeignKey c) {
            removes.add(constraint(c.table().name(), c.key().name()));
            foreignKey(needsFrom, c.table(), c.key());
        } else if (change instanceof Change.CreateIndex c) {
            provides.add(index(c.on(), c.index()));
            index(needsTo, c.on(), c.index());
            if (c.index().unique() && c.index().where().isEmpty()) {
                plainColumns(c.index()).ifPresent(cols -> provides.add(key(c.on(), cols)));
            }
        } else if (change instanceof Change.DropIndex c) {
            removes.add(index(c.on(), c.index()));
            index(needsFrom, c.on(), c.index());
            if (c.index().unique() && c.index().where().isEmpty()) {
                plainColumns(c.index()).ifPresent(cols -> removes.add(key(c.on(), cols)));
            }
        } else if (change instanceof Change.CreateView c) {
            c.view().dependsOn().forEach(d -> needsTo.add(READABLE + d));
            provides.add("rel:" + c.view().name());
            schema(needsTo, c.view().name());
            view(needsTo, c.view());
        } else if (change instanceof Change.DropView c) {
            c.view().dependsOn().forEach(d -> needsFrom.add(READ + d));
            removes.add("rel:" + c.view().name());
            schema(needsFrom, c.view().name());
            view(needsFrom, c.view());
        } else if (change instanceof Change.SetViewComment c) {
            needsTo.add("rel:" + c.view().name());
            if (c.to().isEmpty()) {
                needsFrom.add("rel:" + c.view().name());
            }
        } else if (change instanceof Change.CreateRoutine c) {
            provides.add("routine:" + c.routine().name().name());
            schema(needsTo, c.routine().name());
        } else if (change instanceof Change.DropRoutine c) {
            removes.add("routine:" + c.routine().name().name());
            schema(needsFrom, c.routine().name());
        } else if (change instanceof Change.ReplaceRoutine c) {
            provides.add("routine:" + c.to().name().name());
        } else if (change instanceof Change.CreateTrigger c) {
            needsTo.add("rel:" + c.table().name());
            triggerFunction(needsTo, c.trigger().definition());
        } else if (change instanceof Change.DropTrigger c) {
            needsFrom.add("rel:" + c.table().name());
            triggerFunction(needsFrom, c.trigger().definition());
        }
        // A change to a table the diff renames names the table by its new name, so it runs after the rename.
        if (change instanceof Change.DropColumn || change instanceof Change.DropPrimaryKey
                || change instanceof Change.DropUnique || change instanceof Change.DropCheck
                || change instanceof Change.DropForeignKey || change instanceof Change.DropIndex
                || change instanceof Change.DropTrigger) {
            change.subject().ifPresent(s -> needsTo.add("rel:" + s));
        }
        return new Keys(provides, removes, needsTo, needsFrom);
    }

    private static void schema(Set<String> keys, QualifiedName name) {
        schema(keys, name.schema());
    }

    private static void schema(Set<String> keys, String schema) {
        if (schema != null) {
            keys.add("schema:" + schema);
        }
    }

    private static String col(QualifiedName table, String column) {
        return "col:" + table + "." + column;
    }

    private static String key(QualifiedName table, List<String> columns) {
        return "key:" + table + columns;
    }

    private static String constraint(QualifiedName table, String name) {
        return "con:" + table + "." + name;
    }

    /** Index names live in the schema in PostgreSQL, in the database in SQLite: keyed by schema and name. */
    private static String index(QualifiedName on, Index index) {
        return "idx:" + on.schemaName().map(s -> s + ".").orElse("") + index.name();
    }

    private static void table(Set<String> keys, Table table) {
        keys.add("rel:" + table.name());
        table.columns().forEach(c -> keys.add(col(table.name(), c.name())));
        table.primaryKey().ifPresent(pk -> {
            keys.add(key(table.name(), pk.columns()));
            keys.add(constraint(table.name(), pk.name()));
        });
        table.uniqueConstraints().forEach(u -> {
            keys.add(key(table.name(), u.columns()));
            keys.add(constraint(table.name(), u.name()));
        });
        table.checks().forEach(k -> keys.add(constraint(table.name(), k.name())));
    }

    private void column(Set<String> keys, Column column) {
        type(keys, column.type());
        column.defaultExpression().ifPresent(e -> expression(keys, e));
        column.generated().ifPresent(e -> expression(keys, e));
    }

    private void type(Set<String> keys, DataType type) {
        String name = type.name().replace("\"", "").replace("[]", "").strip();
        String key = types.get(name);
        if (key == null) {
            key = types.get(type.raw().replace("\"", "").replace("[]", "").strip());
        }
        if (key != null) {
            keys.add(key);
        }
    }

    /** Sequences read by {@code nextval('...')} and routines called by name in an expression. */
    private void expression(Set<String> keys, String expression) {
        Matcher m = NEXTVAL.matcher(expression);
        while (m.find()) {
            String key = sequences.get(m.group(1).replace("\"", ""));
            if (key != null) {
                keys.add(key);
            }
        }
        routines(keys, expression);
    }

    private void routines(Set<String> keys, String text) {
        if (routineNames.isEmpty() || text.indexOf('(') < 0) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String name : routineNames) {
            if (lower.contains(name.toLowerCase(Locale.ROOT) + "(")) {
                keys.add("routine:" + name);
            }
        }
    }

    private void triggerFunction(Set<String> keys, String definition) {
        Matcher m = TRIGGER_FUNCTION.matcher(definition);
        if (m.find()) {
            String name = m.group(1).replace("\"", "");
            keys.add("routine:" + name.substring(name.lastIndexOf('.') + 1));
        }
    }

    private static void columns(Set<String> keys, QualifiedName table, List<String> columns) {
        keys.add("rel:" + table);
        columns.forEach(c -> keys.add(col(table, c)));
    }

    /** Columns an expression names, found textually: can only add an edge, never miss a real dependency by name. */
    private static void mentionedColumns(Set<String> keys, Table table, String expression) {
        for (Column c : table.columns()) {
            if (expression.contains(c.name())) {
                keys.add(col(table.name(), c.name()));
            }
        }
    }

    private static void foreignKey(Set<String> keys, Table table, ForeignKey fk) {
        columns(keys, table.name(), fk.columns());
        keys.add("rel:" + fk.referencedTable());
        keys.add(key(fk.referencedTable(), fk.referencedColumns()));
        fk.referencedColumns().forEach(c -> keys.add(col(fk.referencedTable(), c)));
    }

    private void index(Set<String> keys, QualifiedName on, Index index) {
        keys.add("rel:" + on);
        index.keys().forEach(k -> k.column().ifPresent(c -> keys.add(col(on, c))));
        index.include().forEach(c -> keys.add(col(on, c)));
        index.keys().forEach(k -> k.expression().ifPresent(e -> routines(keys, e)));
    }

    private static java.util.Optional<List<String>> plainColumns(Index index) {
        if (index.keys().isEmpty() || index.keys().stream().anyMatch(k -> k.column().isEmpty())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(index.keys().stream().map(k -> k.column().orElseThrow()).toList());
    }

    private void view(Set<String> keys, View view) {
        view.dependsOn().forEach(d -> keys.add("rel:" + d));
        view.triggers().forEach(t -> triggerFunction(keys, t.definition()));
        routines(keys, view.definition());
    }

    private static void owner(Set<String> keys, QualifiedName sequence, String tableDotColumn) {
        int dot = tableDotColumn.lastIndexOf('.');
        String table = tableDotColumn.substring(0, dot);
        String qualified = table.contains(".") || sequence.schema() == null ? table : sequence.schema() + "." + table;
        keys.add("rel:" + qualified);
        keys.add("col:" + qualified + "." + tableDotColumn.substring(dot + 1));
    }
}
