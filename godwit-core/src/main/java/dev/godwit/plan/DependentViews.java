package dev.godwit.plan;

import dev.godwit.diff.Change;
import dev.godwit.model.Catalog;
import dev.godwit.model.QualifiedName;
import dev.godwit.model.Schema;
import dev.godwit.model.Table;
import dev.godwit.model.View;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Views that read a table whose columns change shape, or a view that is dropped, are dropped before the change and
 * created again after it, with views of those views in turn: PostgreSQL refuses to change the type of a column a view uses, and a SQLite
 * rebuild drops the table the view reads. A view the diff already drops or creates is left to the diff.
 */
final class DependentViews {

    private DependentViews() {
    }

    static List<Change> around(List<Change> changes, Catalog from, Catalog to) {
        Set<QualifiedName> touched = new HashSet<>();
        Set<QualifiedName> dropped = new HashSet<>();
        Set<QualifiedName> created = new HashSet<>();
        for (Change c : changes) {
            if (c instanceof Change.DropColumn || c instanceof Change.RebuildTable || c instanceof Change.DropTable
                    || c instanceof Change.AlterColumn a && a.reshapes()) {
                c.subject().ifPresent(touched::add);
            } else if (c instanceof Change.AlterEnum e && !e.from().onlyAddsLabels(e.to())) {
                touched.addAll(tablesUsing(from, e.from().name()));
            } else if (c instanceof Change.AlterDomain d && !d.from().type().equals(d.to().type())) {
                touched.addAll(tablesUsing(from, d.from().name()));
            } else if (c instanceof Change.DropView v) {
                // A view dropped (to be recreated or not) takes the views that read it along.
                dropped.add(v.view().name());
                touched.add(v.view().name());
            } else if (c instanceof Change.CreateView v) {
                created.add(v.view().name());
            }
        }
        if (touched.isEmpty()) {
            return changes;
        }
        Map<QualifiedName, View> fromViews = views(from);
        Map<QualifiedName, View> toViews = views(to);
        Set<QualifiedName> affected = new HashSet<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (View v : fromViews.values()) {
                if (!affected.contains(v.name()) && v.dependsOn().stream()
                        .anyMatch(d -> touched.contains(d) || affected.contains(d))) {
                    affected.add(v.name());
                    grew = true;
                }
            }
        }
        List<Change> out = new ArrayList<>(changes);
        for (QualifiedName name : affected) {
            if (!dropped.contains(name)) {
                out.add(new Change.DropView(fromViews.get(name)));
            }
            View target = toViews.get(name);
            if (target != null && !created.contains(name)) {
                out.add(new Change.CreateView(target));
                target.indexes().forEach(i -> out.add(new Change.CreateIndex(target.name(), i)));
            }
        }
        return out;
    }

    private static List<QualifiedName> tablesUsing(Catalog catalog, QualifiedName type) {
        List<QualifiedName> out = new ArrayList<>();
        for (Schema s : catalog.schemas()) {
            for (Table t : s.tables()) {
                if (t.columns().stream().anyMatch(c -> c.type().isType(type))) {
                    out.add(t.name());
                }
            }
        }
        return out;
    }

    private static Map<QualifiedName, View> views(Catalog catalog) {
        Map<QualifiedName, View> map = new LinkedHashMap<>();
        catalog.schemas().forEach(s -> s.views().forEach(v -> map.put(v.name(), v)));
        return map;
    }
}
