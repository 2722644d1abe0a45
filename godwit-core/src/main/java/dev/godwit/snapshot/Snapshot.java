package dev.godwit.snapshot;

import dev.godwit.model.Catalog;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema saved at a migration revision.
 *
 * @param catalog  the schema
 * @param revision the id of the newest migration the schema includes; empty for a schema not tied to migrations
 */
public record Snapshot(Catalog catalog, Optional<String> revision) {

    /** The format name in every snapshot's header. */
    public static final String FORMAT = "godwit-snapshot";
    /** The newest format version this Godwit writes and reads; older versions are read too. */
    public static final int VERSION = 1;

    public Snapshot {
        Objects.requireNonNull(catalog, "catalog");
        revision = revision == null ? Optional.empty() : revision;
    }
}
