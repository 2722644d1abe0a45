package dev.godwit.dialect;

import dev.godwit.model.QualifiedName;
import java.time.Duration;

/**
 * Keeps two migrators from working on the same history table at once.
 */
public interface Locker {

    /**
     * Takes the lock for {@code historyTable}, waiting at most {@code timeout}.
     *
     * @param connections where to open a connection of the lock's own, when the lock lives in a session
     * @return the held lock; the caller closes it when the run is over
     * @throws dev.godwit.error.GodwitException with {@code LOCK_TIMEOUT} naming the holder when the wait runs out
     */
    MigrationLock acquire(ConnectionSource connections, QualifiedName historyTable, Duration timeout);

    /**
     * True when the lock is held for the whole run, so no other migrator can apply a migration between reading the
     * history and applying; false when migrators serialise only per migration (SQLite), and each migration must
     * re-check the history inside its own transaction.
     */
    default boolean holdsForWholeRun() {
        return true;
    }
}
