package dev.godwit.generate;

import dev.godwit.diff.Rename;
import dev.godwit.plan.PlanOptions;
import java.time.Clock;
import java.util.List;

/**
 * How {@code generate} works.
 *
 * @param renames      rename hints, besides those in the desired SQL
 * @param allowDrop    whether changes that lose data may be written
 * @param readDatabase when the snapshot is not at the newest migration, read the configured database (if every
 *                     migration is applied to it) before replaying the migrations into a scratch database
 * @param clock        what the new migration's id (a UTC timestamp) is taken from
 * @param plan         how the dialect writes the plan ({@code CREATE INDEX CONCURRENTLY} or not)
 */
public record GenerateOptions(List<Rename> renames, boolean allowDrop, boolean readDatabase, Clock clock,
                              PlanOptions plan) {

    public GenerateOptions {
        renames = renames == null ? List.of() : List.copyOf(renames);
        clock = clock == null ? Clock.systemUTC() : clock;
        plan = plan == null ? PlanOptions.defaults() : plan;
    }

    public GenerateOptions(List<Rename> renames, boolean allowDrop, boolean readDatabase, Clock clock) {
        this(renames, allowDrop, readDatabase, clock, PlanOptions.defaults());
    }

    /** The diff options these imply. */
    public DiffOptions diffOptions() {
        return new DiffOptions(renames, allowDrop, plan);
    }
}
