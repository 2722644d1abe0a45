package dev.godwit.migrate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One versioned migration, as found by a {@link MigrationSource}; not yet checked against the history.
 *
 * @param id           its identity, unique among all sources
 * @param description  a human description ("create users")
 * @param kind         what kind of content it is
 * @param location     where it came from, for messages ({@code migrations/20261101093000_create_users.sql})
 * @param up           what applying it runs
 * @param down         what rolling it back runs, when it has a down section
 * @param dependencies references to the migrations it depends on ({@code -- godwit:depends}); empty means "the
 *                     migration before it in id order"
 * @param transactionMode whether it runs in one transaction
 */
public record Migration(MigrationId id, String description, MigrationKind kind, String location, Section up,
                        Optional<Section> down, List<String> dependencies, TransactionMode transactionMode) {

    public Migration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(up, "up");
        description = description == null ? "" : description;
        location = location == null ? id.value() : location;
        down = down == null ? Optional.empty() : down.filter(d -> !d.isBlank());
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        transactionMode = transactionMode == null ? TransactionMode.TRANSACTIONAL : transactionMode;
    }

    /** The checksum of the up text, as stored in the history. */
    public String checksum() {
        return Checksums.of(up.text());
    }
}
