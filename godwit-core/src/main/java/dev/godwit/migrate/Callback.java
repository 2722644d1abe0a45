package dev.godwit.migrate;

import dev.godwit.dialect.Dialect;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Optional;

/**
 * Runs around a {@code migrate}: registered in code ({@code GodwitConfig.Builder.callbacks(...)}) or as SQL files
 * named after the event in a migration folder ({@code beforeMigrate.sql}). Callbacks run on the migrating thread,
 * under the migrator's lock, in registration order (SQL files after code, in file order).
 *
 * <p>A callback that throws in {@link Event#BEFORE_MIGRATE} stops the run before anything is applied; in
 * {@link Event#BEFORE_EACH_MIGRATE} or {@link Event#AFTER_EACH_MIGRATE} it fails that migration, which is rolled back
 * with the callback's work when it runs in a transaction. A failure in {@link Event#AFTER_MIGRATE_ERROR} is added
 * to the original failure as suppressed and never replaces it.
 */
@FunctionalInterface
public interface Callback {

    /** Handles one event; ignore the events of no interest. Throw to fail the run (see the class comment). */
    void handle(Event event, Context context) throws Exception;

    /** When a callback runs. */
    enum Event {
        /** After the lock is taken, before the history is compared; auto-commit. */
        BEFORE_MIGRATE("beforeMigrate"),
        /** Inside each migration's transaction (when it has one), before its statements. */
        BEFORE_EACH_MIGRATE("beforeEachMigrate"),
        /** Inside each migration's transaction (when it has one), after its statements, before its history row. */
        AFTER_EACH_MIGRATE("afterEachMigrate"),
        /** After every pending migration was applied, still under the lock; auto-commit. */
        AFTER_MIGRATE("afterMigrate"),
        /** After a failed run, once the failed migration was rolled back; auto-commit. */
        AFTER_MIGRATE_ERROR("afterMigrateError");

        private final String fileStem;

        Event(String fileStem) {
            this.fileStem = fileStem;
        }

        /** The name of its SQL file without {@code .sql}, e.g. {@code beforeMigrate}. */
        public String fileStem() {
            return fileStem;
        }

        static Optional<Event> forFileName(String name) {
            return Arrays.stream(values()).filter(e -> name.equals(e.fileStem + ".sql")).findFirst();
        }
    }

    /**
     * What a callback is given.
     *
     * @param event      the event
     * @param migration  the migration, for the per-migration events
     * @param connection the session's connection (in the migration's transaction for the per-migration events); do
     *                   not commit or close it
     * @param dialect    the database's dialect
     * @param failure    the failure, for {@link Event#AFTER_MIGRATE_ERROR}
     */
    record Context(Event event, Optional<Migration> migration, Connection connection, Dialect dialect,
                   Optional<Throwable> failure) {
    }
}
