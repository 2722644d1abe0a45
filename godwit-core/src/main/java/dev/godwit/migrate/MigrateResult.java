package dev.godwit.migrate;

import java.util.List;

/**
 * What {@code migrate} did.
 *
 * @param applied    the migrations applied by this run (or, in a dry run, that would be), in order
 * @param upToDate   how many migrations were already applied
 * @param dryRun     true when nothing was changed
 * @param warnings   things the user should know that did not stop the run (applied migrations whose file is gone)
 * @param durationMs the time the whole run took
 * @param revision   the newest applied migration after the run (the last one applied); empty when none is
 */
public record MigrateResult(List<MigrationRun> applied, int upToDate, boolean dryRun, List<String> warnings,
                            long durationMs, java.util.Optional<MigrationId> revision) {

    public MigrateResult {
        applied = List.copyOf(applied);
        warnings = List.copyOf(warnings);
        revision = revision == null ? java.util.Optional.empty() : revision;
    }

    /** True when there was nothing to apply. */
    public boolean nothingToDo() {
        return applied.isEmpty();
    }
}
