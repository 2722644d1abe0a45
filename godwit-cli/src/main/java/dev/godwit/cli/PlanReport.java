package dev.godwit.cli;

import dev.godwit.diff.Change;
import dev.godwit.generate.DiffResult;
import dev.godwit.plan.Hazard;
import dev.godwit.plan.PlannedStatement;
import dev.godwit.source.SchemaState;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A plan as the diff commands show it: a SQL script that {@code psql -f} runs as it is (each statement ending with
 * a semicolon on its own line, hazards as comments before it), or the JSON document of {@code --format json}.
 */
final class PlanReport {

    private PlanReport() {
    }

    /** The up statements as a script; a statement that loses data or cannot run in a transaction says so first. */
    static void script(PrintStream out, DiffResult result) {
        if (result.isEmpty()) {
            out.println("-- No changes: " + result.from().origin() + " and " + result.to().origin()
                    + " are the same schema.");
            return;
        }
        for (PlannedStatement s : result.plan().up()) {
            if (s.hazards().contains(Hazard.DATA_LOSS)) {
                out.println("-- warning: loses data (" + s.change().describe() + ")");
            }
            if (!s.transactional()) {
                out.println("-- cannot run inside a transaction block");
            }
            out.println(s.sql() + ";");
        }
        if (!result.plan().reversible()) {
            out.println("-- note: the reverse of this plan is not supported on " + result.to().catalog().dialect()
                    + "; there is no down script.");
        }
    }

    /** One line per change, with its hazards, for people. */
    static List<String> changeLines(DiffResult result) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Change, List<PlannedStatement>> e : byChange(result.plan().up()).entrySet()) {
            String hazards = e.getValue().stream().flatMap(s -> s.hazards().stream()).distinct().sorted()
                    .map(PlanReport::id).collect(Collectors.joining(", "));
            lines.add(e.getKey().describe() + (hazards.isEmpty() ? "" : "  [" + hazards + "]"));
        }
        return lines;
    }

    /** The JSON document of a diff: both states, the changes with their statements, hazards and the down plan. */
    static Map<String, Object> json(DiffResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("from", state(result.from()));
        doc.put("to", state(result.to()));
        doc.put("renames", result.renames().stream().map(r -> r.from() + "=" + r.to()).toList());
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Map.Entry<Change, List<PlannedStatement>> e : byChange(result.plan().up()).entrySet()) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("change", e.getKey().describe());
            change.put("kind", e.getKey().getClass().getSimpleName());
            change.put("statements", e.getValue().stream().map(s -> statement(s, false)).toList());
            changes.add(change);
        }
        doc.put("changes", changes);
        doc.put("hazards", ids(result.plan().hazards()));
        doc.put("transactional", result.plan().transactional());
        doc.put("reversible", result.plan().reversible());
        doc.put("down", result.plan().down().stream().map(s -> statement(s, true)).toList());
        return doc;
    }

    private static Map<String, Object> state(SchemaState state) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("origin", state.origin());
        map.put("dialect", state.catalog().dialect());
        map.put("revision", state.revision().orElse(null));
        return map;
    }

    private static Map<String, Object> statement(PlannedStatement s, boolean withChange) {
        Map<String, Object> map = new LinkedHashMap<>();
        if (withChange) {
            map.put("change", s.change().describe());
        }
        map.put("sql", s.sql());
        map.put("transactional", s.transactional());
        map.put("hazards", ids(s.hazards()));
        return map;
    }

    /** Statements grouped by the change they come from, in plan order. */
    private static Map<Change, List<PlannedStatement>> byChange(List<PlannedStatement> statements) {
        Map<Change, List<PlannedStatement>> ordered = new LinkedHashMap<>();
        statements.forEach(s -> ordered.computeIfAbsent(s.change(), c -> new ArrayList<>()).add(s));
        return ordered;
    }

    private static List<String> ids(Set<Hazard> hazards) {
        return hazards.stream().sorted().map(PlanReport::id).toList();
    }

    /** The stable JSON and text id of a hazard: {@code data-loss}, {@code non-transactional}, ... */
    static String id(Hazard hazard) {
        return hazard.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
