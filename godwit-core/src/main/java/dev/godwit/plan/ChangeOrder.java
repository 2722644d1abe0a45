package dev.godwit.plan;

import dev.godwit.diff.Change;
import dev.godwit.model.Catalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders changes so the database accepts them: a dependency graph from {@link ChangeKeys}, sorted topologically.
 * Among changes that are free to go, the lower {@link #rank} goes first (drops before creates, tables before the
 * foreign keys between them, views after what they read), then the differ's order, so the same diff always gives
 * the same plan. Foreign keys are changes of their own after both tables, so a cycle of tables referring to each
 * other never blocks; should any other cycle remain, the lowest-ranked change in it goes first.
 */
final class ChangeOrder {

    private ChangeOrder() {
    }

    static List<Change> sort(List<Change> changes, Catalog from, Catalog to) {
        int n = changes.size();
        ChangeKeys keyer = new ChangeKeys(from, to);
        List<ChangeKeys.Keys> keys = changes.stream().map(keyer::of).toList();
        Map<String, List<Integer>> providers = index(keys, ChangeKeys.Keys::provides);
        Map<String, List<Integer>> removers = index(keys, ChangeKeys.Keys::removes);
        List<List<Integer>> after = new ArrayList<>();
        int[] waiting = new int[n];
        for (int i = 0; i < n; i++) {
            after.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (String k : keys.get(i).needsTo()) {
                for (int p : providers.getOrDefault(k, List.of())) {
                    edge(p, i, after, waiting);
                }
            }
            for (String k : keys.get(i).needsFrom()) {
                for (int r : removers.getOrDefault(k, List.of())) {
                    edge(i, r, after, waiting);
                }
            }
            for (String k : keys.get(i).provides()) {
                for (int r : removers.getOrDefault(k, List.of())) {
                    // Unless the remover acts on what this change makes (a column dropped from a renamed table).
                    if (java.util.Collections.disjoint(keys.get(r).needsTo(), keys.get(i).provides())) {
                        edge(r, i, after, waiting);
                    }
                }
            }
        }
        int[] rank = changes.stream().mapToInt(ChangeOrder::rank).toArray();
        PriorityQueue<Integer> ready = new PriorityQueue<>((a, b) -> rank[a] != rank[b]
                ? Integer.compare(rank[a], rank[b]) : Integer.compare(a, b));
        for (int i = 0; i < n; i++) {
            if (waiting[i] == 0) {
                ready.add(i);
            }
        }
        boolean[] done = new boolean[n];
        List<Change> ordered = new ArrayList<>(n);
        while (ordered.size() < n) {
            if (ready.isEmpty()) {
                ready.add(lowestRemaining(rank, done));
            }
            int next = ready.poll();
            if (done[next]) {
                continue;
            }
            done[next] = true;
            ordered.add(changes.get(next));
            for (int m : after.get(next)) {
                if (--waiting[m] == 0 && !done[m]) {
                    ready.add(m);
                }
            }
        }
        return ordered;
    }

    private static void edge(int first, int then, List<List<Integer>> after, int[] waiting) {
        if (first != then && !after.get(first).contains(then)) {
            after.get(first).add(then);
            waiting[then]++;
        }
    }

    private static int lowestRemaining(int[] rank, boolean[] done) {
        int best = -1;
        for (int i = 0; i < rank.length; i++) {
            if (!done[i] && (best < 0 || rank[i] < rank[best])) {
                best = i;
            }
        }
        return best;
    }

    private static Map<String, List<Integer>> index(List<ChangeKeys.Keys> keys,
                                                    java.util.function.Function<ChangeKeys.Keys, Set<String>> part) {
        Map<String, List<Integer>> map = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            for (String k : part.apply(keys.get(i))) {
                map.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
        return map;
    }

    /** The phase a change belongs to when nothing else decides: the order pg_dump and careful engineers use. */
    static int rank(Change change) {
        return RANKS.getOrDefault(change.getClass(), 50);
    }

    private static final Map<Class<?>, Integer> RANKS = ranks(
            Change.DropTrigger.class, Change.DropView.class, Change.DropForeignKey.class, Change.DropIndex.class,
            Change.DropCheck.class, Change.DropUnique.class, Change.DropPrimaryKey.class, Change.DropTable.class,
            Change.DropColumn.class, Change.DropRoutine.class, Change.DropSequence.class, Change.DropDomain.class,
            Change.DropCompositeType.class, Change.DropEnum.class, Change.DropExtension.class,
            Change.DropSchema.class,
            Change.CreateSchema.class, Change.SetSchemaComment.class, Change.CreateExtension.class,
            Change.AlterExtension.class, Change.CreateEnum.class, Change.AlterEnum.class,
            Change.CreateCompositeType.class, Change.AlterCompositeType.class, Change.CreateDomain.class,
            Change.AlterDomain.class, Change.CreateSequence.class, Change.RenameTable.class,
            Change.RenameColumn.class, Change.CreateTable.class, Change.RebuildTable.class, Change.AlterTable.class,
            Change.AddColumn.class, Change.AlterColumn.class, Change.AddPrimaryKey.class, Change.AddUnique.class,
            Change.AddCheck.class, Change.AlterSequence.class, Change.AddForeignKey.class,
            Change.CreateRoutine.class, Change.ReplaceRoutine.class, Change.CreateView.class,
            Change.CreateIndex.class, Change.CreateTrigger.class, Change.SetTableComment.class,
            Change.SetColumnComment.class, Change.SetViewComment.class);

    @SafeVarargs
    private static Map<Class<?>, Integer> ranks(Class<? extends Change>... order) {
        Map<Class<?>, Integer> map = new HashMap<>();
        for (int i = 0; i < order.length; i++) {
            map.put(order[i], i);
        }
        return Map.copyOf(map);
    }
}
