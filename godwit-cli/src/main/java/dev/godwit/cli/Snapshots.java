package dev.godwit.cli;

import dev.godwit.error.ErrorCode;
import dev.godwit.error.GodwitException;
import dev.godwit.model.Catalog;

/** The snapshot JSON of a catalog, for {@code inspect --format json}. */
final class Snapshots {

    private Snapshots() {
    }

    static String json(Catalog catalog) {
        throw new GodwitException(ErrorCode.USAGE, "inspect --format json needs the snapshot writer, which this build "
                + "does not have yet. Use --format sql or mermaid.");
    }
}
