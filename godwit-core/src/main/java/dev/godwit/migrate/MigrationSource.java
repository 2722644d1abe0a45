package dev.godwit.migrate;

import java.util.List;

/**
 * Finds migrations: in a directory, on the class path, in memory, in a database table.
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
}
