package dev.godwit.source;

import dev.godwit.diff.Rename;
import dev.godwit.model.Catalog;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A schema as a {@link SchemaSource} resolved it.
 *
 * @param catalog  the schema
 * @param renames  rename hints found with it ({@code -- godwit:rename old=new} lines of SQL files), in file order
 * @param revision the newest migration the state includes, for migration directories and snapshots
 * @param origin   how it was read, for people: {@code snapshot migrations/.godwit/snapshot.json at 2026...}
 */
public record SchemaState(Catalog catalog, List<Rename> renames, Optional<String> revision, String origin) {

    public SchemaState {
        Objects.requireNonNull(catalog, "catalog");
        renames = List.copyOf(renames);
        revision = revision == null ? Optional.empty() : revision;
        Objects.requireNonNull(origin, "origin");
    }
}
