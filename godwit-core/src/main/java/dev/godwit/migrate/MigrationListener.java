package dev.godwit.migrate;

/**
 * Hears about each migration as a run applies or rolls it back, on the migrating thread. Methods must not throw.
 */
public interface MigrationListener {

    /** A listener that ignores everything. */
    MigrationListener NONE = new MigrationListener() { };

    /** The migration is about to run. */
    default void starting(Migration migration, Direction direction) {
    }

    /** The migration ran and its history row is committed. */
    default void finished(MigrationRun run, Direction direction) {
    }

    /** Which way a migration runs. */
    enum Direction { UP, DOWN }
}
