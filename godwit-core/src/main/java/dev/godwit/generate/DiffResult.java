package dev.godwit.generate;

import dev.godwit.diff.Diff;
import dev.godwit.diff.Rename;
import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.plan.Hazard;
import dev.godwit.plan.Plan;
import dev.godwit.plan.PlannedStatement;
import dev.godwit.source.SchemaState;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Two states, the changes between them and the plan that makes them.
 *
 * @param from    the state the plan starts from
 * @param to      the state it makes
 * @param renames the rename hints the differ used: the options' and the sources' own
 * @param diff    the changes, as the differ found them
 * @param plan    the ordered up and down statements
 */
public record DiffResult(SchemaState from, SchemaState to, List<Rename> renames, Diff diff, Plan plan) {

    public DiffResult {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        renames = List.copyOf(renames);
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(plan, "plan");
    }

    /** True when there is nothing to run: the states are the same as far as the dialect can tell. */
    public boolean isEmpty() {
        return plan.isEmpty();
    }

    /** The up statements that lose data. */
    public List<PlannedStatement> dataLoss() {
        return plan.withHazards(EnumSet.of(Hazard.DATA_LOSS));
    }

    /**
     * Refuses a plan that loses data unless allowed.
     *
     * @throws GodwitException with {@code UNSAFE_CHANGE} listing each change that loses data and the way to allow it
     */
    public void requireSafe(boolean allowDrop) {
        List<PlannedStatement> unsafe = dataLoss();
        if (allowDrop || unsafe.isEmpty()) {
            return;
        }
        String list = unsafe.stream().map(s -> s.change().describe()).distinct().collect(Collectors.joining("; "));
        throw new GodwitException(ErrorCode.UNSAFE_CHANGE, "Refused: " + unsafe.size() + (unsafe.size() == 1
                ? " statement loses" : " statements lose") + " data (" + list + "). If that is intended, allow it "
                + "with --allow-drop (allow_drop = true in godwit.toml, GODWIT_ALLOW_DROP=true); if a table or "
                + "column was renamed, say so with --rename old=new or a '-- godwit:rename old=new' line in the "
                + "desired SQL.");
    }
}
