package dev.godwit.generate;

import dev.godwit.diff.Rename;
import dev.godwit.plan.PlanOptions;
import java.util.List;

/**
 * How two states are compared.
 *
 * @param renames   rename hints, besides those the sources carry
 * @param allowDrop whether changes that lose data (DROP TABLE, DROP COLUMN, ...) may be written into a migration
 * @param plan      how the dialect writes the plan ({@code CREATE INDEX CONCURRENTLY} or not)
 */
public record DiffOptions(List<Rename> renames, boolean allowDrop, PlanOptions plan) {

    public DiffOptions {
        renames = renames == null ? List.of() : List.copyOf(renames);
        plan = plan == null ? PlanOptions.defaults() : plan;
    }

    public DiffOptions(List<Rename> renames, boolean allowDrop) {
        this(renames, allowDrop, PlanOptions.defaults());
    }

    /** No hints; drops refused. */
    public static DiffOptions defaults() {
        return new DiffOptions(List.of(), false);
    }
}
