package dev.godwit.postgres;

import dev.godwit.diff.Change;
import dev.godwit.model.Catalog;
import dev.godwit.model.Column;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Column changes in an INHERITS hierarchy, planned as PostgreSQL carries them between parent and children.
 *
 * <ul>
 *   <li>ADD COLUMN, a change of type and RENAME COLUMN on a parent reach its children (PostgreSQL requires that for
 *       type and name, and refuses them on an inherited column of a child): the diff sees the same change on each
 *       child, which is dropped here, or reduced to what the child has of its own (a default, NOT NULL).</li>
 *   <li>DROP COLUMN, defaults and NOT NULL on a parent are written {@code ALTER TABLE ONLY} ({@link #only}): without
 *       ONLY, PostgreSQL drops a child's inherited column with the parent's, and sets the parent's default on every
 *       child. With it, a child keeps the column as its own, and its own changes in the diff (drop it, or not) say
 *       what becomes of it. This keeps a child's rows where the desired schema keeps its column, which is what
 *       careful engineers write; migra drops and adds it again.</li>
 *   <li>A parent's column changes go before its children's (a child's column is its own only once the parent's
 *       ONLY drop ran).</li>
 * </ul>
 */
final class PostgresInheritance {

    private PostgresInheritance() {
    }

    static List<Change> lower(List<Change> changes, Catalog from, Catalog to) {
        Map<QualifiedName, List<QualifiedName>> parentsTo = parents(to);
        if (parentsTo.isEmpty() && parents(from).isEmpty()) {
            return changes;
        }
        Map<QualifiedName, Map<String, Change>> parentChanges = new HashMap<>();
        Set<QualifiedName> parentNames = new HashSet<>();
        parentsTo.values().forEach(parentNames::addAll);
        parents(from).values().forEach(parentNames::addAll);
        for (Change c : changes) {
            c.subject().filter(parentNames::contains).ifPresent(t -> column(c)
                    .ifPresent(name -> parentChanges.computeIfAbsent(t, x -> new HashMap<>()).put(name, c)));
        }
        List<Change> first = new ArrayList<>();
        List<Change> rest = new ArrayList<>();
        for (Change c : changes) {
            Optional<QualifiedName> table = c.subject();
            if (table.filter(parentNames::contains).isPresent() && column(c).isPresent()) {
                first.add(c);
                continue;
            }
            Optional<Change> inherited = table.flatMap(t -> column(c).flatMap(name -> parentsTo
                    .getOrDefault(t, List.of()).stream()
                    .map(p -> parentChanges.getOrDefault(p, Map.of()).get(name))
                    .filter(p -> p != null && p.getClass() == c.getClass()).findFirst()));
            if (inherited.isEmpty()) {
                rest.add(c);
            } else {
                own(c, inherited.get()).ifPresent(rest::add);
            }
        }
        first.addAll(rest);
        return first;
    }

    /**
     * What of a child's change is left once its parent's same change has reached it: nothing, or the child's own
     * default and NOT NULL.
     */
    private static Optional<Change> own(Change child, Change parents) {
        if (child instanceof Change.AddColumn c && parents instanceof Change.AddColumn p) {
            Column inherited = new Column(c.column().name(), p.column().type(), p.column().nullable(),
                    p.column().defaultExpression(), p.column().identity(), p.column().generated(),
                    p.column().collation(), c.column().comment());
            return inherited.equals(c.column()) ? Optional.empty()
                    : Optional.of(new Change.AlterColumn(c.table(), inherited, c.column()));
        }
        if (child instanceof Change.AlterColumn c && parents instanceof Change.AlterColumn p && p.reshapes()) {
            Column retyped = new Column(c.from().name(), c.to().type(), c.from().nullable(),
                    c.from().defaultExpression(), c.from().identity(), c.to().generated(), c.to().collation(),
                    c.from().comment());
            return retyped.equals(c.to()) ? Optional.empty()
                    : Optional.of(new Change.AlterColumn(c.table(), retyped, c.to()));
        }
        if (child instanceof Change.RenameColumn && parents instanceof Change.RenameColumn) {
            return Optional.empty();
        }
        return Optional.of(child);
    }

    /** The column a column change is about, by its name in the desired schema. */
    private static Optional<String> column(Change c) {
        if (c instanceof Change.AddColumn a) {
            return Optional.of(a.column().name());
        } else if (c instanceof Change.DropColumn d) {
            return Optional.of(d.column().name());
        } else if (c instanceof Change.AlterColumn a) {
            return Optional.of(a.to().name());
        } else if (c instanceof Change.RenameColumn r) {
            return Optional.of(r.to().name());
        }
        return Optional.empty();
    }

    /**
     * Whether a table's column changes are written {@code ALTER TABLE ONLY}: it has children, in the schema the
     * plan starts from, that the change must not reach.
     */
    static boolean only(Catalog from, QualifiedName table) {
        return parents(from).values().stream().anyMatch(p -> p.contains(table));
    }

    /** Each child table's parents. */
    private static Map<QualifiedName, List<QualifiedName>> parents(Catalog catalog) {
        Map<QualifiedName, List<QualifiedName>> out = new HashMap<>();
        catalog.schemas().forEach(s -> s.tables().forEach(t -> {
            List<String> parents = PostgresTables.parents(t);
            if (!parents.isEmpty()) {
                out.put(t.name(), parents.stream().map(PostgresInheritance::parse).toList());
            }
        }));
        return out;
    }

    /** A {@code regclass} as printed with an empty search path: {@code schema.name}, each part maybe quoted. */
    static QualifiedName parse(String regclass) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < regclass.length(); i++) {
            char ch = regclass.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < regclass.length() && regclass.charAt(i + 1) == '"') {
                    part.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(ch);
            }
        }
        parts.add(part.toString());
        return parts.size() == 1 ? QualifiedName.unqualified(parts.get(0))
                : QualifiedName.of(parts.get(0), parts.get(1));
    }
}
