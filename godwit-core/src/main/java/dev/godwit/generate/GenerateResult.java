package dev.godwit.generate;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code generate} did.
 *
 * @param file     the migration file written; empty when there was nothing to do
 * @param id       the new migration's id
 * @param snapshot the snapshot file updated to the desired state at the new id, when snapshots are kept
 * @param diff     the states compared and the plan written
 */
public record GenerateResult(Optional<Path> file, Optional<String> id, Optional<Path> snapshot, DiffResult diff) {

    public GenerateResult {
        file = file == null ? Optional.empty() : file;
        id = id == null ? Optional.empty() : id;
        snapshot = snapshot == null ? Optional.empty() : snapshot;
        Objects.requireNonNull(diff, "diff");
    }

    /** True when the migrations already make the desired state and no file was written. */
    public boolean nothingToDo() {
        return file.isEmpty();
    }
}
