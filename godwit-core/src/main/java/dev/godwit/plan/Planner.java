package dev.godwit.plan;

import dev.godwit.diff.Change;
import dev.godwit.diff.Diff;
import dev.godwit.model.Catalog;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link Diff} into a {@link Plan}: the dialect lowers the changes it cannot make as they are, views that
 * read a changing table are dropped and recreated around it, the changes are put in dependency order
 * ({@link ChangeOrder}) and the dialect writes each one. The down plan is the same done to the inverse diff, so it
 * is ordered and checked by the same rules as the up plan.
 */
public final class Planner {

    private final ChangeWriter writer;

    public Planner(ChangeWriter writer) {
        this.writer = writer;
    }

    /**
     * The up and down statements. A change the dialect does not support fails the up plan with
     * {@link UnsupportedChangeException}; in the down plan it leaves the plan without a down
     * ({@link Plan#down()} empty and {@link Plan#reversible()} false).
     */
    public Plan plan(Diff diff) {
        List<PlannedStatement> up = statements(diff.changes(), diff.from(), diff.to());
        Diff inverse = diff.inverse();
        try {
            return new Plan(up, statements(inverse.changes(), inverse.from(), inverse.to()), true);
        } catch (UnsupportedChangeException e) {
            return new Plan(up, List.of(), false);
        }
    }

    /** The up statements only. */
    public List<PlannedStatement> statements(List<Change> changes, Catalog from, Catalog to) {
        List<Change> lowered = writer.lower(changes, from, to);
        List<Change> withViews = DependentViews.around(lowered, from, to);
        List<Change> ordered = ChangeOrder.sort(withViews, from, to);
        List<PlannedStatement> out = new ArrayList<>(writer.preamble(ordered));
        for (Change change : ordered) {
            out.addAll(writer.write(change, from, to));
        }
        return out;
    }
}
