package dev.godwit.cli;

import dev.godwit.model.Catalog;
import dev.godwit.snapshot.Snapshot;
import dev.godwit.snapshot.SnapshotWriter;
import java.util.Optional;

/** The snapshot JSON of a catalog, for {@code inspect --format json}. */
final class Snapshots {

    private Snapshots() {
    }

    static String json(Catalog catalog) {
        return SnapshotWriter.toJson(new Snapshot(catalog, Optional.empty()));
    }
}
