package dev.godwit.source;

import dev.godwit.snapshot.Snapshot;
import dev.godwit.snapshot.SnapshotReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** A saved snapshot: read offline, no database involved. */
public record SnapshotFile(Path file) implements SchemaSource {

    public SnapshotFile {
        Objects.requireNonNull(file, "file");
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public SchemaState resolve(SourceSettings settings) {
        Snapshot snapshot = SnapshotReader.read(file);
        return new SchemaState(snapshot.catalog(), List.of(), snapshot.revision(), "snapshot "
                + settings.display(file) + snapshot.revision().map(r -> " at " + r).orElse(""));
    }
}
