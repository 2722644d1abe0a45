package dev.godwit.plan;

import dev.godwit.diff.Change;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ordered statements that apply a diff ({@link #up}) and those that undo it ({@link #down}), each with the
 * change it comes from and its hazards. {@code reversible} is false when the down plan needs a change the dialect
 * does not support (its {@code down} is then empty).
 */
public record Plan(List<PlannedStatement> up, List<PlannedStatement> down, boolean reversible) {

    public Plan {
        up = List.copyOf(up);
        down = List.copyOf(down);
    }

    public boolean isEmpty() {
        return up.isEmpty();
    }

    /** The changes of the up statements, each once, in plan order. */
    public List<Change> changes() {
        Set<Change> changes = new LinkedHashSet<>();
        up.forEach(s -> changes.add(s.change()));
        return List.copyOf(changes);
    }

    /** Every hazard of the up statements. */
    public Set<Hazard> hazards() {
        EnumSet<Hazard> all = EnumSet.noneOf(Hazard.class);
        up.forEach(s -> all.addAll(s.hazards()));
        return all;
    }

    /** The up statements that carry one of these hazards. */
    public List<PlannedStatement> withHazards(Set<Hazard> hazards) {
        return up.stream().filter(s -> s.hazards().stream().anyMatch(hazards::contains)).toList();
    }

    /** True when every up statement can run inside one transaction. */
    public boolean transactional() {
        return up.stream().allMatch(PlannedStatement::transactional);
    }

    /** The up statements as a script, each ending with a semicolon on its own line. */
    public String upSql() {
        return script(up);
    }

    public String downSql() {
        return script(down);
    }

    private static String script(List<PlannedStatement> statements) {
        StringBuilder sb = new StringBuilder();
        statements.forEach(s -> sb.append(s.sql()).append(";\n"));
        return sb.toString();
    }
}
