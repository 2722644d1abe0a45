package dev.godwit.migrate;

import java.util.Optional;

/**
 * How to migrate.
 *
 * @param target apply only this migration and what it depends on; empty means everything
 * @param mode   whether to apply or only show what would be applied
 */
public record MigrateOptions(Optional<String> target, Mode mode) {

    /** Apply or only show. */
    public enum Mode { APPLY, DRY_RUN }

    public MigrateOptions {
        target = target == null ? Optional.empty() : target.filter(t -> !t.isBlank());
        mode = mode == null ? Mode.APPLY : mode;
    }

    /** Everything pending, applied. */
    public static MigrateOptions all() {
        return new MigrateOptions(Optional.empty(), Mode.APPLY);
    }

    public MigrateOptions withTarget(String id) {
        return new MigrateOptions(Optional.ofNullable(id), mode);
    }

    public MigrateOptions dryRun() {
        return new MigrateOptions(target, Mode.DRY_RUN);
    }
}
