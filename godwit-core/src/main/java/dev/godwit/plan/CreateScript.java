package dev.godwit.plan;

import dev.godwit.model.Catalog;
import dev.godwit.model.Domain;
import dev.godwit.model.ForeignKey;
import dev.godwit.model.Index;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Routine;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import dev.godwit.model.Trigger;
import dev.godwit.model.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The statements that create a whole catalog in an empty database, in an order the database accepts: schemas and
 * extensions, types, sequences, the routines tables use, tables, foreign keys, the other routines, views (each after
 * the views it reads), indexes, triggers, ownership and comments.
 */
public final class CreateScript {

    private CreateScript() {
    }

    public static List<String> of(Catalog catalog, DdlWriter ddl) {
        List<String> out = new ArrayList<>(ddl.preamble());
        List<Schema> schemas = catalog.schemas();
        schemas.forEach(s -> out.addAll(ddl.createSchema(s)));
        catalog.extensions().forEach(e -> out.addAll(ddl.createExtension(e)));
        schemas.forEach(s -> s.enums().forEach(e -> out.addAll(ddl.createEnum(e))));
        List<Routine> early = routinesUsedByTables(schemas);
        early.forEach(r -> out.addAll(ddl.createRoutine(r)));
        schemas.forEach(s -> s.domains().forEach(d -> out.addAll(ddl.createDomain(d))));
        schemas.forEach(s -> s.compositeTypes().forEach(t -> out.addAll(ddl.createCompositeType(t))));
        schemas.forEach(s -> s.sequences().forEach(q -> out.addAll(ddl.createSequence(q))));
        List<Table> tables = parentsFirst(schemas);
        tables.forEach(t -> out.addAll(ddl.createTable(t)));
        for (Table t : tables) {
            for (ForeignKey fk : t.foreignKeys()) {
                out.addAll(ddl.addForeignKey(t, fk));
            }
        }
        schemas.forEach(s -> s.routines().stream().filter(r -> !early.contains(r))
                .forEach(r -> out.addAll(ddl.createRoutine(r))));
        List<View> views = viewsInDependencyOrder(schemas);
        for (View v : views) {
            out.addAll(ddl.createView(v));
        }
        for (Table t : tables) {
            for (Index i : t.indexes()) {
                out.addAll(ddl.createIndex(t, i));
            }
        }
        for (Table t : tables) {
            for (Trigger trigger : t.triggers()) {
                out.addAll(ddl.createTrigger(t, trigger));
            }
        }
        for (View v : views) {
            v.triggers().forEach(t -> out.addAll(ddl.createTrigger(Table.of(v.name(), List.of()), t)));
        }
        schemas.forEach(s -> s.sequences().forEach(q -> out.addAll(ddl.afterTables(q))));
        tables.forEach(t -> out.addAll(ddl.comments(t)));
        return out;
    }

    /** Partitioned tables before their partitions; otherwise by name. */
    private static List<Table> parentsFirst(List<Schema> schemas) {
        List<Table> all = new ArrayList<>();
        schemas.forEach(s -> all.addAll(s.tables()));
        List<Table> ordered = new ArrayList<>();
        all.stream().filter(t -> t.partitionOf().isEmpty()).forEach(ordered::add);
        List<Table> partitions = new ArrayList<>(all.stream().filter(t -> t.partitionOf().isPresent()).toList());
        // Sub-partitions: a partition can itself be partitioned, so repeat until every parent is placed.
        while (!partitions.isEmpty()) {
            int before = partitions.size();
            for (var it = partitions.iterator(); it.hasNext(); ) {
                Table p = it.next();
                QualifiedName parent = p.partitionOf().get().parent();
                if (ordered.stream().anyMatch(t -> t.name().equals(parent)) || all.stream()
                        .noneMatch(t -> t.name().equals(parent))) {
                    ordered.add(p);
                    it.remove();
                }
            }
            if (partitions.size() == before) {
                ordered.addAll(partitions);
                break;
            }
        }
        return ordered;
    }

    /**
     * Routines a column default, generated column, check or domain calls: they must exist before the tables. The
     * test is textual ({@code name(}), which can only err towards creating a routine earlier.
     */
    private static List<Routine> routinesUsedByTables(List<Schema> schemas) {
        StringBuilder expressions = new StringBuilder();
        for (Schema s : schemas) {
            for (Table t : s.tables()) {
                t.columns().forEach(c -> {
                    c.defaultExpression().ifPresent(e -> expressions.append(e).append('\n'));
                    c.generated().ifPresent(e -> expressions.append(e).append('\n'));
                });
                t.checks().forEach(c -> expressions.append(c.expression()).append('\n'));
            }
            for (Domain d : s.domains()) {
                d.checks().forEach(c -> expressions.append(c.expression()).append('\n'));
                d.defaultExpression().ifPresent(e -> expressions.append(e).append('\n'));
            }
        }
        String text = expressions.toString();
        List<Routine> used = new ArrayList<>();
        for (Schema s : schemas) {
            for (Routine r : s.routines()) {
                if (text.contains(r.name().name() + "(")) {
                    used.add(r);
                }
            }
        }
        return used;
    }

    /** Views after the views they read; otherwise by name. */
    private static List<View> viewsInDependencyOrder(List<Schema> schemas) {
        Map<QualifiedName, View> views = new TreeMap<>();
        schemas.forEach(s -> s.views().forEach(v -> views.put(v.name(), v)));
        Set<QualifiedName> placed = new LinkedHashSet<>();
        Map<QualifiedName, Boolean> visiting = new HashMap<>();
        for (QualifiedName name : views.keySet()) {
            visit(name, views, placed, visiting);
        }
        return placed.stream().map(views::get).toList();
    }

    private static void visit(QualifiedName name, Map<QualifiedName, View> views, Set<QualifiedName> placed,
                              Map<QualifiedName, Boolean> visiting) {
        if (placed.contains(name) || visiting.containsKey(name)) {
            return;
        }
        visiting.put(name, true);
        for (QualifiedName dependency : views.get(name).dependsOn()) {
            if (views.containsKey(dependency)) {
                visit(dependency, views, placed, visiting);
            }
        }
        placed.add(name);
    }
}
