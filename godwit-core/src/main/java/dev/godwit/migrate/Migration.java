package dev.godwit.migrate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One migration, as found by a {@link MigrationSource}; not yet checked against the history.
 *
 * @param id           its identity, unique among all sources
 * @param description  a human description ("create users")
 * @param kind         what kind of content it is, and whether it is repeatable
 * @param location     where it came from, for messages ({@code migrations/20261101093000_create_users.sql})
 * @param up           what applying it runs (for a Java migration, a comment naming the class and version, so the
 *                     checksum follows the declared version)
 * @param down         what rolling it back runs, when it has a down section
 * @param dependencies references to the migrations it depends on ({@code -- godwit:depends}); empty means "the
 *                     migration before it in id order" for a versioned migration, and nothing for a repeatable one
 * @param transactionMode whether it runs in one transaction
 * @param java         the code a Java migration runs instead of {@code up}; empty for SQL
 */
public record Migration(MigrationId id, String description, MigrationKind kind, String location, Section up,
                        Optional<Section> down, List<String> dependencies, TransactionMode transactionMode,
                        Optional<JavaMigration> java) {

    public Migration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(up, "up");
        description = description == null ? "" : description;
        location = location == null ? id.value() : location;
        down = down == null ? Optional.empty() : down.filter(d -> !d.isBlank());
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        transactionMode = transactionMode == null ? TransactionMode.TRANSACTIONAL : transactionMode;
        java = java == null ? Optional.empty() : java;
    }

    /** A SQL migration. */
    public Migration(MigrationId id, String description, MigrationKind kind, String location, Section up,
                     Optional<Section> down, List<String> dependencies, TransactionMode transactionMode) {
        this(id, description, kind, location, up, down, dependencies, transactionMode, Optional.empty());
    }

    /**
     * An in-memory SQL migration, e.g. {@code Migration.sql("20261101093000_users", "CREATE TABLE ...", "DROP ...")}.
     *
     * @param down the down text, or null for none
     */
    public static Migration sql(String id, String up, String down) {
        return new Migration(MigrationId.of(id), describe(id), MigrationKind.SQL, "in-memory migration " + id,
                Section.of(up), Optional.ofNullable(down).map(Section::of), List.of(), TransactionMode.TRANSACTIONAL);
    }

    /** An in-memory SQL migration without a down section. */
    public static Migration sql(String id, String up) {
        return sql(id, up, null);
    }

    /**
     * An in-memory migration from a script with {@code -- godwit:} markers (up, down, depends, no-transaction), read
     * as a file of that name would be.
     *
     * @throws dev.godwit.error.GodwitException with {@code MIGRATION_SOURCE} when the markers are malformed
     */
    public static Migration script(String id, String text) {
        return MigrationScript.parse(MigrationId.of(id), describe(id), "in-memory migration " + id, text);
    }

    /** An in-memory repeatable migration: applied after the versioned ones, and again whenever {@code sql} changes. */
    public static Migration repeatable(String id, String sql, String... dependsOn) {
        return new Migration(MigrationId.of(id), describe(id), MigrationKind.REPEATABLE_SQL,
                "in-memory repeatable migration " + id, Section.of(sql), Optional.empty(), List.of(dependsOn),
                TransactionMode.TRANSACTIONAL);
    }

    /** The checksum of the up text, as stored in the history. */
    public String checksum() {
        return Checksums.of(up.text());
    }

    /** This migration with another location, for sources that know better where it came from. */
    Migration at(String newLocation) {
        return new Migration(id, description, kind, newLocation, up, down, dependencies, transactionMode, java);
    }

    /** This migration run in another transaction mode. */
    Migration withTransactionMode(TransactionMode mode) {
        return new Migration(id, description, kind, location, up, down, dependencies, mode, java);
    }

    /** "20261101093000_create_users" reads as "create users"; an id without a slug describes itself. */
    static String describe(String id) {
        int underscore = id.indexOf('_');
        String slug = underscore < 0 ? id : id.substring(underscore + 1).replaceFirst("^_", "");
        return slug.replace('_', ' ').strip();
    }
}
