package dev.godwit.migrate;

import dev.godwit.dialect.Dialect;
import java.sql.Connection;
import java.util.List;

/**
 * Finds migrations: in a directory, on the class path, in memory, in a database table, as Java classes. Several
 * sources make one graph; an id held by two sources is an error naming both.
 */
@FunctionalInterface
public interface MigrationSource {

    /**
     * Every migration this source holds, in any order.
     *
     * @throws dev.godwit.error.GodwitException with {@code MIGRATION_SOURCE} naming the file and line of the first
     *                                          unreadable or malformed migration
     */
    List<Migration> load();

    /**
     * True for a source that reads the target database ({@link TableMigrationSource}): the migrator then calls
     * {@link #load(Connection, Dialect)} on its own session instead of {@link #load()}.
     */
    default boolean readsDatabase() {
        return false;
    }

    /**
     * Every migration, read through the migrator's session connection (auto-commit, under the migrator's lock during
     * {@code migrate}). The default is {@link #load()}.
     */
    default List<Migration> load(Connection connection, Dialect dialect) {
        return load();
    }

    /** The callbacks this source holds ({@code beforeMigrate.sql}, ...); none by default. */
    default List<Callback> callbacks() {
        return List.of();
    }
}
