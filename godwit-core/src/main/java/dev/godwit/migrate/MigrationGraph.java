package dev.godwit.migrate;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The migrations as a DAG. A migration without {@code depends} depends on the migration before it in id order; one
 * with {@code depends} depends on exactly those, so two branches that each added migrations merge without
 * renumbering. {@link #order()} is a topological order that, among migrations free to go, takes the lowest id first,
 * and a versioned migration before any repeatable one; a repeatable migration depends only on what it declares.
 */
public final class MigrationGraph {

    private final Map<MigrationId, Migration> byId;
    private final Map<MigrationId, Set<MigrationId>> dependencies;
    private final List<Migration> order;

    private MigrationGraph(Map<MigrationId, Migration> byId, Map<MigrationId, Set<MigrationId>> dependencies,
                           List<Migration> order) {
        this.byId = byId;
        this.dependencies = dependencies;
        this.order = order;
    }

    /**
     * Builds the graph.
     *
     * @throws GodwitException with {@code MIGRATION_ORDER} for duplicate ids, dependencies on migrations that do not
     *                         exist, and cycles; each names the files involved
     */
    public static MigrationGraph of(Collection<Migration> migrations) {
        TreeMap<MigrationId, Migration> byId = new TreeMap<>();
        for (Migration m : migrations) {
            Migration other = byId.putIfAbsent(m.id(), m);
            if (other != null) {
                throw new GodwitException(ErrorCode.MIGRATION_ORDER, "Two migrations have the id " + m.id() + ": "
                        + other.location() + " and " + m.location() + ". Rename one (`godwit new` makes a fresh id).");
            }
        }
        Map<MigrationId, Set<MigrationId>> dependencies = new HashMap<>();
        MigrationId previous = null;
        for (Migration m : byId.values()) {
            Set<MigrationId> deps = new TreeSet<>();
            if (m.kind().repeatable()) {
                // A repeatable migration is in no id chain: it follows what it declares, and goes after every
                // versioned migration that does not wait for it (see sort).
                for (String reference : m.dependencies()) {
                    deps.add(resolve(byId, m, reference));
                }
                dependencies.put(m.id(), deps);
                continue;
            }
            if (m.dependencies().isEmpty()) {
                if (previous != null) {
                    deps.add(previous);
                }
            } else {
                for (String reference : m.dependencies()) {
                    deps.add(resolve(byId, m, reference));
                }
            }
            dependencies.put(m.id(), deps);
            previous = m.id();
        }
        return new MigrationGraph(byId, dependencies, sort(byId, dependencies));
    }

    private static MigrationId resolve(Map<MigrationId, Migration> byId, Migration from, String reference) {
        List<MigrationId> matches = byId.keySet().stream().filter(id -> id.matches(reference)).toList();
        if (matches.size() == 1) {
            if (matches.get(0).equals(from.id())) {
                throw new GodwitException(ErrorCode.MIGRATION_ORDER, from.location() + " depends on itself ('"
                        + reference + "'). Remove it from '-- godwit:depends'.");
            }
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new GodwitException(ErrorCode.MIGRATION_ORDER, from.location() + " depends on '" + reference
                    + "', which is not among the migrations. Fix the id in '-- godwit:depends' or restore the "
                    + "missing file.");
        }
        throw new GodwitException(ErrorCode.MIGRATION_ORDER, from.location() + " depends on '" + reference
                + "', which matches several migrations (" + matches.stream().map(MigrationId::value)
                .collect(Collectors.joining(", ")) + "). Write the full id.");
    }

    private static List<Migration> sort(Map<MigrationId, Migration> byId,
                                        Map<MigrationId, Set<MigrationId>> dependencies) {
        Map<MigrationId, Integer> waitingOn = new HashMap<>();
        Map<MigrationId, List<MigrationId>> dependents = new HashMap<>();
        dependencies.forEach((id, deps) -> {
            waitingOn.put(id, deps.size());
            deps.forEach(d -> dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(id));
        });
        // Versioned before repeatable, then the lower id: repeatables run after the versioned migrations.
        PriorityQueue<MigrationId> ready = new PriorityQueue<>(java.util.Comparator
                .comparing((MigrationId id) -> byId.get(id).kind().repeatable())
                .thenComparing(java.util.Comparator.naturalOrder()));
        waitingOn.forEach((id, n) -> {
            if (n == 0) {
                ready.add(id);
            }
        });
        List<Migration> order = new ArrayList<>(byId.size());
        while (!ready.isEmpty()) {
            MigrationId next = ready.poll();
            order.add(byId.get(next));
            for (MigrationId dependent : dependents.getOrDefault(next, List.of())) {
                if (waitingOn.merge(dependent, -1, Integer::sum) == 0) {
                    ready.add(dependent);
                }
            }
        }
        if (order.size() < byId.size()) {
            List<Migration> cycle = findCycle(byId, dependencies, waitingOn);
            throw new GodwitException(ErrorCode.MIGRATION_ORDER, "The migrations depend on each other in a cycle: "
                    + cycle.stream().map(Migration::location).collect(Collectors.joining(" -> "))
                    + ". Remove one of these '-- godwit:depends' lines.");
        }
        return List.copyOf(order);
    }

    /** One cycle among the migrations Kahn's algorithm could not order, as a path that returns to its start. */
    private static List<Migration> findCycle(Map<MigrationId, Migration> byId,
                                             Map<MigrationId, Set<MigrationId>> dependencies,
                                             Map<MigrationId, Integer> waitingOn) {
        MigrationId start = waitingOn.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
        LinkedHashSet<MigrationId> path = new LinkedHashSet<>();
        MigrationId current = start;
        while (path.add(current)) {
            current = dependencies.get(current).stream().filter(d -> waitingOn.get(d) > 0).findFirst().orElseThrow();
        }
        List<MigrationId> ids = new ArrayList<>(path);
        List<Migration> cycle = new ArrayList<>();
        for (MigrationId id : ids.subList(ids.indexOf(current), ids.size())) {
            cycle.add(byId.get(id));
        }
        cycle.add(byId.get(current));
        return cycle;
    }

    /** Every migration, dependencies first; ties go to the lower id. */
    public List<Migration> order() {
        return order;
    }

    /** The migration with this id. */
    public Optional<Migration> get(MigrationId id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The migration whose id is or starts with {@code reference} (see {@link MigrationId#matches}). */
    public Optional<Migration> find(String reference) {
        List<Migration> matches = byId.values().stream().filter(m -> m.id().matches(reference)).toList();
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /** The migration and everything it depends on, directly or not. */
    public Set<MigrationId> withAncestors(MigrationId id) {
        Set<MigrationId> seen = new TreeSet<>();
        Deque<MigrationId> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            MigrationId next = todo.pop();
            if (seen.add(next)) {
                todo.addAll(dependencies.getOrDefault(next, Set.of()));
            }
        }
        return seen;
    }
}
