package dev.godwit;

import dev.godwit.dialect.InspectOptions;
import dev.godwit.model.Catalog;
import dev.godwit.snapshot.Snapshot;
import dev.godwit.snapshot.SnapshotWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/** Reflects the database and writes its snapshot at a revision; a dialect that cannot reflect yet writes nothing. */
final class SnapshotKeeper {

    private final Function<InspectOptions, Catalog> inspect;

    SnapshotKeeper(Function<InspectOptions, Catalog> inspect) {
        this.inspect = inspect;
    }

    Optional<Snapshot> save(Path file, Optional<String> revision) {
        Catalog catalog;
        try {
            catalog = inspect.apply(InspectOptions.defaults());
        } catch (UnsupportedOperationException e) {
            return Optional.empty();
        }
        Snapshot snapshot = new Snapshot(catalog, revision);
        SnapshotWriter.write(snapshot, file);
        return Optional.of(snapshot);
    }
}
